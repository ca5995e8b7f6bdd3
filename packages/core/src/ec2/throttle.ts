import { ConfigError } from '../config-error.ts';

/** Which of the two queues a throttle is looking at. */
export type QueueName = 'dwfm' | 'network-manager';

/** What a throttle may see of a queue when it decides. */
export interface QueueState {
  readonly queue: QueueName;
  /** Simulated time (ms since 19 Oct 00:00 PDT). */
  readonly now: number;
  /** Work items waiting in the queue now. */
  readonly length: number;
  /** How many items the hosts take off the queue per second, at full speed. */
  readonly drainPerSecond: number;
  /** How long a caller waits for one item before giving up: an item's deadline is its arrival plus this. */
  readonly timeoutMs: number;
}

/**
 * Admission control for DWFM lease re-establishment and Network Manager propagation: the
 * control AWS announced, "throttling … that limits incoming work by the size of the
 * waiting queue". One policy serves both queues; the queue's state says which it is.
 */
export interface Throttle {
  readonly name: string;
  /**
   * How many of `arriving` new items may join the queue now (0 to `arriving`). The rest
   * are turned away: a droplet asks again at its next state check, a launch caller retries.
   */
  admit(arriving: number, queue: QueueState): number;
  /**
   * Whether the item at the head of the queue, due by `deadline`, should be dropped
   * instead of worked on. Its owner asks again later, so dropping loses no droplet.
   */
  shouldDrop(deadline: number, queue: QueueState): boolean;
}

/** What DWFM and Network Manager had during the outage: every item in, nothing dropped. */
export const admitEverything: Throttle = {
  name: 'admit everything',
  admit: (arriving) => arriving,
  shouldDrop: () => false,
};

/**
 * The operators' manual throttle at 04:14: a fixed cap on the waiting queue. It does not
 * look at deadlines; the operators cleared stale work by restarting hosts instead.
 */
export function queueLimitThrottle(limit: number): Throttle {
  return {
    name: `queue limit ${limit}`,
    admit: (arriving, queue) => Math.max(0, Math.min(arriving, limit - queue.length)),
    shouldDrop: () => false,
  };
}

/**
 * Checks a throttle's answer where it enters the model, so a learner's mistake reads as
 * one sentence instead of a broken count three hours of simulated time later.
 */
export function admittedCount(throttle: Throttle, arriving: number, queue: QueueState): number {
  const answer = throttle.admit(arriving, queue);
  if (typeof answer !== 'number' || Number.isNaN(answer) || answer < 0 || answer > arriving) {
    throw new ConfigError(
      `throttle "${throttle.name}".admit`,
      `answered ${String(answer)} for ${arriving} items arriving at the ${queue.queue} queue`,
      `a number from 0 to ${arriving}; fractions are rounded down`,
    );
  }
  return Math.floor(answer);
}
