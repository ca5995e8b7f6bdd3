import { describe, expect, it } from 'vitest';
import {
  MINUTE,
  formatDuration,
  formatHourMinute,
  october2025Ec2,
  pdt,
  runEc2Scenario,
  type Ec2Result,
  type QueueState,
} from '@outage-lab/core';
import { createQueueThrottle } from '../src/throttle.ts';

/** A budget for the steps that run a whole night, so that a busy laptop is never a failure. */
const HEAVY = { timeout: 120_000 };

const LIMITS = { queueShare: 0.5 };
const SEED = 1;
/** A small fleet keeps the steps fast; the model's rates are per droplet, so the night looks the same. */
const NIGHT = { ...october2025Ec2, fleetSize: 2_000 };
const FLEET = NIGHT.fleetSize;
const DYNAMO_BACK = pdt('02:25', 20);
const OPERATORS_ACTED = pdt('04:14', 20);
const RELEASE_WITHIN = 90 * MINUTE;
const RELEASE_AFTER_0414_BY = pdt('05:45', 20);
const GOODPUT_SHARE = 0.8;

const throttle = () => createQueueThrottle(LIMITS);

/** DWFM's lease queue at 02:25 for a 2,000-droplet fleet: 2,000 leases in 4,200 s (0.476 a second), callers wait 5 minutes. */
function dwfmQueue(length: number, now = DYNAMO_BACK): QueueState {
  return { queue: 'dwfm', now, length, drainPerSecond: 2000 / 4200, timeoutMs: 5 * MINUTE };
}

/** Queues the throttle must handle, DWFM's at 02:25 first, described for the messages. */
const QUEUES: readonly { name: string; items: string; rate: string; state: QueueState }[] = [
  { name: "DWFM's lease queue", items: 'lease requests', rate: '2,000 droplets in 4,200 s (0.476 a second)', state: dwfmQueue(0) },
  {
    name: "Network Manager's queue",
    items: 'propagations',
    rate: '12 a second',
    state: { queue: 'network-manager', now: DYNAMO_BACK, length: 0, drainPerSecond: 12, timeoutMs: 5 * MINUTE },
  },
  { name: 'a fast queue', items: 'items', rate: '50 a second', state: { queue: 'dwfm', now: DYNAMO_BACK, length: 0, drainPerSecond: 50, timeoutMs: 30_000 } },
  { name: 'a slow queue', items: 'items', rate: 'one every 20 s', state: { queue: 'dwfm', now: DYNAMO_BACK, length: 0, drainPerSecond: 0.05, timeoutMs: 10 * MINUTE } },
];

/** Lengths on both sides of where a queue is full. */
function lengthsAround(q: { state: QueueState }): number[] {
  const room = Math.floor(q.state.drainPerSecond * (q.state.timeoutMs / 1000) * LIMITS.queueShare);
  return [...new Set([0, Math.floor(room / 2), Math.max(0, room - 3), Math.max(0, room - 1), room, room + 1, 3 * room + 5])];
}

let fromTheStart: Ec2Result | undefined;
/** The night with your throttle in both queues from 23:00, and no operators. */
function nightWithThrottle(): Ec2Result {
  fromTheStart ??= runEc2Scenario(NIGHT, { seed: SEED, throttle: throttle(), operators: false });
  return fromTheStart;
}

const firstAllLeased = (run: Ec2Result, after: number) => run.samples.find((s) => s.time > after && s.leased === FLEET);
const leasedAt = (time: number | undefined) => (time === undefined ? 'was never fully leased again' : `was fully leased again at ${formatHourMinute(time)}`);

describe('lesson 04: throttle DWFM and Network Manager by the size of the waiting queue', () => {
  it('step 1: an idle DWFM takes every lease request that arrives', () => {
    const admitted = throttle().admit(5, dwfmQueue(0));
    expect(
      admitted,
      `DWFM's queue was empty and 5 droplets asked for a lease; the throttle let ${admitted} in. ` +
        'A throttle that turns work away when nothing is waiting leases nobody.',
    ).toBe(5);
  });

  it('step 2: the queue takes in what can still be worked before its callers give up, and refuses no more than that', () => {
    const share = LIMITS.queueShare;
    const failures = QUEUES.flatMap((q) =>
      [0, 1, 10, 1000].flatMap((arriving) =>
        lengthsAround(q).map((length) => {
          const admitted = throttle().admit(arriving, { ...q.state, length });
          const room = q.state.drainPerSecond * (q.state.timeoutMs / 1000) * share;
          const wait = (items: number): string => `${(items / q.state.drainPerSecond).toFixed(1)} s`;
          const patience = `${((q.state.timeoutMs / 1000) * share).toFixed(0)} s, ${Math.round(share * 100)}% of the ${formatDuration(q.state.timeoutMs)}`;
          const said = `${q.name} held ${length} ${q.items} and ${arriving} more arrived; the throttle let ${admitted} in`;
          if (!Number.isInteger(admitted) || admitted < 0 || admitted > arriving) return `${said}: it can only let in a whole number of the arriving ${q.items}, from 0 to ${arriving}.`;
          if (admitted > 0 && length + admitted > room + 1e-9) {
            return `${said}. ${q.name} works ${q.rate}; the last of them would wait ${wait(length + admitted)} for a host, more than ${patience} its caller waits: the rest is room for the work itself. A queue past that limit is how, at 02:25, work waited past its timeout, was thrown away and queued again.`;
          }
          if (admitted < arriving && length + admitted + 1 <= room + 1e-9) {
            return `${said}. ${q.name} works ${q.rate}; one more would still have waited only ${wait(length + admitted + 1)}, within ${patience} its caller waits. Refusing work that could be done in time delays droplets for nothing.`;
          }
          return null;
        }),
      ),
    ).filter((f): f is string => f !== null);
    expect(failures.length, `${failures.length} of the queues this step tried were throttled wrongly; ${failures.length === 1 ? 'it' : 'the first two'}:\n${failures.slice(0, 2).join('\n')}`).toBe(0);
  });

  it('step 3: work whose caller has already given up is dropped, not worked on', () => {
    const q = dwfmQueue(40, pdt('04:14', 20));
    expect(
      throttle().shouldDrop(q.now - MINUTE, q),
      "At 04:14 the head of DWFM's queue was a lease request whose droplet stopped waiting a minute earlier. " +
        'Working on it is throughput without goodput: drop it, the droplet asks again.',
    ).toBe(true);
    expect(
      throttle().shouldDrop(q.now, q),
      "At 04:14 the head of DWFM's queue was a lease request due at 04:14 exactly, and the throttle kept it. Its droplet gives up now, " +
        'and any work started now finishes after that: it is as stale as one due a minute ago.',
    ).toBe(true);
    expect(throttle().shouldDrop(q.now + MINUTE, q), 'A lease request still inside its deadline was dropped: its droplet is still waiting for it.').toBe(
      false,
    );
  });

  it(`step 4: after DynamoDB returns at 02:25, every droplet holds a lease within ${formatDuration(RELEASE_WITHIN)}`, HEAVY, () => {
    const done = firstAllLeased(nightWithThrottle(), DYNAMO_BACK);
    expect(
      done === undefined ? Infinity : done.time - DYNAMO_BACK,
      `With your throttle in place all night, the fleet ${leasedAt(done?.time)}. ` +
        `It should be by ${formatHourMinute(DYNAMO_BACK + RELEASE_WITHIN)}: DWFM can re-lease the whole fleet in about 70 minutes ` +
        'when no attempt is wasted. In October it took until 05:28, and only after the operators stepped in.',
    ).toBeLessThanOrEqual(RELEASE_WITHIN);
  });

  it(`step 5: goodput stays above ${GOODPUT_SHARE * 100}% of DWFM's capacity while the fleet re-leases`, HEAVY, () => {
    const run = nightWithThrottle();
    const end = firstAllLeased(run, DYNAMO_BACK)?.time ?? Infinity;
    const window = run.samples.filter((s) => s.time > DYNAMO_BACK && s.time <= end);
    const goodput = window.reduce((sum, s) => sum + s.goodput, 0) / Math.max(1, window.length);
    const throughput = window.reduce((sum, s) => sum + s.throughput, 0) / Math.max(1, window.length);
    const share = goodput / run.dwfmCapacityPerSecond;
    expect(
      share,
      `From 02:25 until the fleet was leased (${end === Infinity ? 'the end of the night' : formatHourMinute(end)}), DWFM's hosts finished ` +
        `${throughput.toFixed(2)} attempts a second but only ${goodput.toFixed(2)} in time: ${Math.round(share * 100)}% of its capacity ` +
        'did useful work. The rest was attempts nobody was waiting for any more.',
    ).toBeGreaterThan(GOODPUT_SHARE);
  });

  it('step 6: no droplet is forgotten: the ones turned away come back and get their lease', HEAVY, () => {
    const run = nightWithThrottle();
    const miscount = run.samples.find((s) => s.leased + s.queueLength + s.backingOff !== FLEET);
    expect(
      miscount,
      miscount === undefined
        ? ''
        : `At ${formatHourMinute(miscount.time)} ${miscount.leased} droplets were leased, ${miscount.queueLength} queued and ${miscount.backingOff} waiting to ask again: ` +
            `${miscount.leased + miscount.queueLength + miscount.backingOff} of ${FLEET}. Every droplet is leased, waiting in DWFM's queue, or waiting to ask again; ` +
            'one that is none of these never gets a lease and takes no launches.',
    ).toBeUndefined();
    const last = run.samples[run.samples.length - 1];
    expect(
      last?.leased,
      `At 14:20 ${FLEET - (last?.leased ?? 0)} droplets still had no lease (${last?.queueLength} queued, ${last?.backingOff} turned away ` +
        'and asking again). A droplet without a lease takes no launches: "insufficient capacity".',
    ).toBe(FLEET);
  });

  it('step 7: Network Manager keeps every new instance within 5 minutes of its network, and every wanted launch happens', HEAVY, () => {
    const run = nightWithThrottle();
    const worst = run.samples.reduce((max, s) => (s.propagationLatencyMs > max.propagationLatencyMs ? s : max));
    const launchesByMorning = run.samples.find((s) => s.time >= pdt('08:00', 20));
    expect(
      launchesByMorning?.pendingLaunches,
      `At 08:00 callers were still waiting for ${launchesByMorning?.pendingLaunches} launches that failed during the night ` +
        '(no droplet with a lease, or turned away by the throttle). A throttle must bound the wait, not stop the launches.',
    ).toBe(0);
    expect(
      worst.propagationLatencyMs,
      `At ${formatHourMinute(worst.time)} a new instance waited ${formatDuration(worst.propagationLatencyMs)} for its network state: ` +
        "longer than its launcher's 5 minutes. On 20 October new instances started without connectivity for hours.",
    ).toBeLessThanOrEqual(NIGHT.networkManager.timeoutMs);
  });

  it('step 8: put in at 04:14 instead of the host restarts, your throttle has every droplet leased by 05:45', HEAVY, () => {
    const run = runEc2Scenario(NIGHT, { seed: SEED, throttle: throttle(), throttleFromMs: OPERATORS_ACTED, operators: false });
    const done = firstAllLeased(run, OPERATORS_ACTED);
    expect(
      done?.time ?? Infinity,
      `At 04:14 DWFM's queue held a lease request for every droplet, each older than its timeout. Your throttle went in ` +
        `then, with no host restarted, and the fleet ${leasedAt(done?.time)}. The operators got there at 05:28 by ` +
        'throttling and restarting hosts, which threw waiting work away; dropping work nobody waits for any more does that job.',
    ).toBeLessThanOrEqual(RELEASE_AFTER_0414_BY);
  });
});
