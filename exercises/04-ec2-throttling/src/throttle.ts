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
      // TODO(lesson 04): at 02:25 the queue grew so long that an item waited past its
      // caller's patience before a host even started it. How long may the queue be, for
      // the last item in it to start while its caller still waits (with the share of that
      // patience your limits allow)? Let in what still fits and no fewer; turning the rest
      // away costs nothing, since a droplet asks again at its next state check.

      // What DWFM did in October 2025: take everything, however long the queue.
      return arriving;
    },

    /** Whether the item at the head of the queue, due by `deadline`, should be dropped unworked. */
    shouldDrop(deadline: number, queue: QueueState): boolean {
      // TODO(lesson 04): at 04:14 DWFM's queue held a request for every droplet, most of
      // them older than the time their droplet waits. Whose work is this item, is anyone
      // still waiting for it, and could a host finish it in time if it started now? What
      // does working on it cost the droplets behind it? (Its owner asks again either way.)

      // What DWFM did in October 2025: work on every item, even when nobody waited for it.
      return false;
    },
  };
}
