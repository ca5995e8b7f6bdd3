import { describe, expect, it } from 'vitest';
import { CachingResolver, ConfigError, MINUTE, SECOND, pdt, timelineAuthority, type AnswerChange } from '../../src/index.ts';

const RACE = pdt('23:47:08');
const REPAIR = pdt('02:25', 20);
const ADDRESSES = ['3.218.182.1', '3.218.182.2'];
const night: AnswerChange[] = [
  { time: pdt('23:00'), addresses: ADDRESSES },
  { time: RACE, addresses: [] },
  { time: REPAIR, addresses: ADDRESSES },
];
const ttl = { answerTtlMs: 60 * SECOND, negativeTtlMs: 15 * MINUTE };

describe('CachingResolver: a client keeps what it was told for its TTL', () => {
  it('keeps an answer with addresses for the answer TTL, then asks again', () => {
    const resolver = new CachingResolver(ttl, timelineAuthority(night));
    expect(resolver.resolve(RACE - 30 * SECOND), 'half a minute before the race the records were whole').toEqual(ADDRESSES);
    expect(resolver.resolve(RACE + 10 * SECOND), 'ten seconds after the race the client still uses its cached addresses').toEqual(ADDRESSES);
    expect(resolver.resolve(RACE + 31 * SECOND), 'once its minute is up the client asks again and gets the empty answer').toEqual([]);
    expect(resolver.lookups).toBe(2);
  });

  it('keeps the empty answer for the negative TTL, so the repair at 02:25 reaches it only when that runs out', () => {
    const resolver = new CachingResolver(ttl, timelineAuthority(night));
    const cachedAt = REPAIR - 2 * MINUTE;
    expect(resolver.resolve(cachedAt)).toEqual([]);
    expect(resolver.resolve(REPAIR + 5 * MINUTE), 'five minutes after the repair the client still holds its empty answer').toEqual([]);
    expect(resolver.expiresAt).toBe(cachedAt + 15 * MINUTE);
    expect(resolver.resolve(cachedAt + 15 * MINUTE), 'its empty answer ran out at 02:38: the client gets the restored records').toEqual(ADDRESSES);
  });

  it('replays a timeline: no addresses before its first change, the latest change after', () => {
    const authority = timelineAuthority(night);
    expect(authority(pdt('22:00'))).toEqual([]);
    expect(authority(RACE)).toEqual([]);
    expect(authority(pdt('14:00', 20))).toEqual(ADDRESSES);
  });

  it('refuses a negative TTL and a timeline out of order, naming the field', () => {
    expect(() => new CachingResolver({ answerTtlMs: 60_000, negativeTtlMs: -1 }, () => [])).toThrow(new ConfigError('negativeTtlMs', '-1 ms is below 0 ms', 'a finite number ≥ 0 ms'));
    expect(() => timelineAuthority([night[1] as AnswerChange, night[0] as AnswerChange])).toThrow(/changes\[1\]\.time: is earlier than the change before it/);
  });
});
