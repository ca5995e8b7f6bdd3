import type { AzStatus, FailoverInput, FailoverPolicy } from '@outage-lab/core';

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

/** Capacity shares are sums of thirds: 1 - 1/3 must count as reaching a floor of 2/3. */
const TOLERANCE = 1e-9;

interface Removal {
  readonly at: number;
  readonly capacity: number;
}

export function createVelocityControl(limits: VelocityLimits): FailoverPolicy {
  // Removals still inside the window, oldest first. One history per policy: every run
  // builds a fresh policy, so two runs with one seed decide the same.
  const removals: Removal[] = [];
  return {
    decide(input: FailoverInput): readonly string[] {
      const { azs, now } = input;

      // No AZ is better than another: withdrawing some would only pile their clients
      // onto the others. Route 53 would answer with all of them anyway (fail open).

      while ((removals[0]?.at ?? Infinity) <= now - limits.windowMs) removals.shift();
      let removed = removals.reduce((sum, r) => sum + r.capacity, 0);
      let published = capacityOf(azs.filter((az) => !az.withdrawn));

      // Already out and still unhealthy: stays out; its removal has been paid for.
      const withdraw = azs.filter((az) => az.withdrawn && az.unhealthy).map((az) => az.az);
      const candidates = azs.filter((az) => az.unhealthy && !az.withdrawn).sort((a, b) => a.healthyFraction - b.healthyFraction);
      for (const az of candidates) {
        if (removed + az.capacity > limits.maxRemovedPerWindow + TOLERANCE) continue;
        if (published - az.capacity < limits.floor - TOLERANCE) continue;
        removals.push({ at: now, capacity: az.capacity });
        removed += az.capacity;
        published -= az.capacity;
        withdraw.push(az.az);
      }
      return withdraw;
    },
  };
}

function capacityOf(azs: readonly AzStatus[]): number {
  return azs.reduce((sum, az) => sum + az.capacity, 0);
}
