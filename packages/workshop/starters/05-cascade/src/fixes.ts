import type { RegionFixes } from '@outage-lab/core';

/**
 * Lesson 05: the three fixes AWS announced, in one Region.
 *
 * You built each fix against its own model: the Enactor with generation checks
 * (lesson 02), NLB's velocity control (lesson 03), the throttle for DWFM and Network
 * Manager (lesson 04). `runRegion` composes the models into the whole night of 19–20
 * October, and takes the fixes as parameters:
 *
 * - `enactor`: an `EnactorProgram`, the DNS Enactor every AZ runs;
 * - `failoverPolicy`: a factory `() => FailoverPolicy` (every night needs a fresh policy,
 *   because a velocity control remembers what it removed);
 * - `throttle`: a `Throttle`, in front of both queues all night.
 *
 * Your own work lives next door: `../../02-generation-checks/src/enactor.ts`,
 * `../../03-nlb-velocity-control/src/velocity-control.ts` and
 * `../../04-ec2-throttling/src/throttle.ts`. Use the limits those lessons' tests used.
 */
export function regionFixes(): RegionFixes {
  // TODO(lesson 05): import your three fixes and return them, with the limits from their
  // lessons: at most one AZ's worth of capacity (1/3) removed per hour and two thirds of
  // the nodes always in DNS; a queue share of 0.5. If one of those lessons is not green
  // yet, import its solution instead (`../../../solutions/0N-…/src/…`).

  // What the Region had in October 2025: none of them.
  return {};
}
