import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/index.ts';
import { CohortQueue } from '../../src/ec2/cohort-queue.ts';
import { LeaseBook } from '../../src/ec2/lease-book.ts';
import { RetryRing } from '../../src/ec2/retry-ring.ts';
import { propagationDelayAt, type Ec2Sample } from '../../src/index.ts';

describe('CohortQueue', () => {
  it('serves cohorts first in, first out, and merges a cohort that arrives twice', () => {
    const q = new CohortQueue();
    q.push(1, 5, 100, 200);
    q.push(1, 5, 100, 200);
    q.push(2, 3, 110, 210);
    expect(q.length).toBe(13);
    expect([q.headTag, q.headCount, q.headArrivedAt, q.headDeadline]).toEqual([1, 10, 100, 200]);
    q.take(4);
    expect(q.headCount).toBe(6);
    expect(q.dropHead()).toBe(6);
    expect([q.headTag, q.headCount, q.length]).toEqual([2, 3, 3]);
  });

  it('a restart keeps the survivors with their own arrival times and deadlines', () => {
    const q = new CohortQueue();
    for (let i = 0; i < 50; i++) q.push(i % 3, i % 2 === 0 ? 1 : 400, 1000 + i, 2000 + i);
    let lost = 0;
    q.discard(0.5, new Rng(7), (_tag, n) => (lost += n));
    expect(q.length + lost, 'a restart may lose work but not count it twice').toBe(25 + 25 * 400);
    const seen: number[] = [];
    q.forEach((tag, _count, arrivedAt, deadline) => {
      expect(deadline - arrivedAt, 'a cohort was paired with another cohort\'s deadline').toBe(1000);
      expect(tag).toBe((arrivedAt - 1000) % 3);
      seen.push(arrivedAt);
    });
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });
});

describe('LeaseBook', () => {
  it('keeps leases while state checks succeed and loses them one lifetime after the last success', () => {
    const book = new LeaseBook([6], 2);
    book.seed(0, 100, 0, new Rng(1));
    for (let t = 1; t <= 20; t++) {
      book.renew(t);
      book.expire(t, () => expect.unreachable('no lease may lapse while DynamoDB answers'));
    }
    const lostAt: number[] = [];
    for (let t = 21; t <= 40; t++) book.expire(t, (_cls, n) => lostAt.push(t, n));
    expect(book.leased).toBe(0);
    const firstLoss = lostAt[0] ?? 0;
    expect(firstLoss, 'the earliest expiry is a lifetime minus a check interval after the last renewal').toBeGreaterThanOrEqual(21 + 6 - 2);
    expect(lostAt.at(-2) ?? 0).toBeLessThanOrEqual(20 + 6);
  });
});

describe('RetryRing', () => {
  it('spreads a cohort\'s retries over the following check interval and loses none', () => {
    const ring = new RetryRing(1, 5);
    ring.add(0, 23, 0, new Rng(3));
    const due: number[] = [];
    for (let t = 1; t <= 5; t++) ring.due(t, (_cls, n) => due.push(n));
    expect(due.reduce((a, b) => a + b, 0)).toBe(23);
    expect(due.length, 'retries should come over several ticks, not all at once').toBe(5);
    expect(ring.waiting).toBe(0);
  });
});

describe('propagationDelayAt', () => {
  const sample = (time: number, delay: number | null): Ec2Sample =>
    ({ time, connectivityDelayMs: delay }) as Partial<Ec2Sample> as Ec2Sample;
  const samples = [sample(0, 1000), sample(60_000, null), sample(120_000, 3000)];

  it('interpolates between windows in which instances launched, skipping empty ones', () => {
    expect(propagationDelayAt(samples, 60_000)).toBe(2000);
    expect(propagationDelayAt(samples, -5)).toBe(1000);
    expect(propagationDelayAt(samples, 999_999)).toBe(3000);
  });
});
