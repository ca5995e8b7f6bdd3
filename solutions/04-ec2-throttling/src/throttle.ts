import type { QueueState, Throttle } from '@outage-lab/core';

/**
 * Lesson 04: the throttle AWS promised for EC2.
 *
 * When DynamoDB came back at 02:25, every droplet asked DWFM for a new lease at once.
 * The queue was so long that each attempt waited past its timeout; the late attempt was
 * thrown away and queued again, so DWFM's hosts stayed busy and leased nobody until the
 * operators throttled incoming work and restarted hosts at 04:14. Hours later Network
 * Manager's backlog left new instances without a network. AWS's fix: throttling "that
 * limits incoming work by the size of the waiting queue".
 *
 * The model asks your throttle two questions, for DWFM's lease queue and for Network
 * Manager's propagation queue alike. `queue` tells you how long the queue is, how many
 * items the hosts take off it per second (`drainPerSecond`), how long a caller waits for
 * an item (`timeoutMs`) and the time now (`now`). Everything is in milliseconds except
 * `drainPerSecond`.
 */

export interface ThrottleLimits {
  /**
   * The most the waiting queue may hold, as a share of what the hosts drain within one
   * timeout. At 1 the last item in the queue would just start as its caller gives up.
   */
  readonly queueShare: number;
}

export function createQueueThrottle(limits: ThrottleLimits): Throttle {
  return {
    name: 'queue throttle',

    /** How many of the `arriving` items may join the queue now; the rest ask again later. */
    admit(arriving: number, queue: QueueState): number {
      // Little's law: a queue of L items drained at r per second makes the last one wait
      // L / r seconds, so the queue must stay below r × timeout, with headroom for the
      // work itself.
      const limit = Math.floor(queue.drainPerSecond * (queue.timeoutMs / 1000) * limits.queueShare);
      return Math.max(0, Math.min(arriving, limit - queue.length));
    },

    /** Whether the item at the head of the queue, due by `deadline`, should be dropped unworked. */
    shouldDrop(deadline: number, queue: QueueState): boolean {
      // Its caller gives up at the deadline, and work started then finishes after it:
      // throughput without goodput.
      return queue.now >= deadline;
    },
  };
}
