import type { FailoverInput, FailoverPolicy } from '@outage-lab/core';

/**
 * Lesson 03: the velocity control AWS promised for Network Load Balancers.
 *
 * On 20 October, automatic AZ DNS failover pulled NLB nodes out of DNS although their
 * targets were fine: health checks failed because the health-check subsystem itself was
 * overloaded, and every withdrawal and every restore triggered more checks. AWS's fix:
 * "a velocity control mechanism to limit the capacity a single NLB can remove when
 * health check failures cause AZ failover".
 *
 * The NLB model calls `decide` every ten simulated seconds while automatic failover is
 * on. It returns the AZs to keep out of DNS; any AZ not in the list is published.
 * Each AzStatus tells you the AZ's name, its `capacity` (share of the NLB's nodes, 1/3
 * with three AZs), `healthyFraction`, whether it is `unhealthy` (below the failover
 * threshold) and whether it is `withdrawn` right now.
 */

export interface VelocityLimits {
  /** Removals are counted over a sliding window this long (ms). */
  readonly windowMs: number;
  /** The most capacity failover may remove within one window (share of the nodes). */
  readonly maxRemovedPerWindow: number;
  /** Failover never leaves less than this share of the nodes in DNS. */
  readonly floor: number;
}

export function createVelocityControl(limits: VelocityLimits): FailoverPolicy {
  // TODO(lesson 03): the limits below need a memory of what failover removed, how much
  // and when. Where should it live, given that every run of the model builds a fresh
  // policy, and two runs with one seed must decide the same?
  return {
    decide(input: FailoverInput): readonly string[] {
      const { azs } = input;

      // TODO(lesson 03): on 20 October the checks failed because the checker itself was
      // overloaded, not the targets. When every AZ looks unhealthy at once, which is the
      // likelier culprit, and is any AZ a better place for clients than another? What
      // should DNS answer then? (Route 53 fails open when every AZ is withdrawn.)

      // TODO(lesson 03): the budget is for removals within the last window only. Which of
      // the removals you remember still count, and how much capacity is in DNS now?

      // TODO(lesson 03): which unhealthy AZs may leave DNS now, so that neither the
      // window's budget nor the floor of published capacity is broken, counting every
      // withdrawal you make in this same call? When only some may go, which should go
      // first? What about an AZ already out and still unhealthy? (Shares such as one
      // third do not add up exactly in floating point.)

      // What NLB did in October 2025: withdraw every unhealthy AZ at once, however much
      // capacity that takes out of DNS and however often it has happened before.
      return azs.filter((az) => az.unhealthy).map((az) => az.az);
    },
  };
}
