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
  // TODO(lesson 05): AWS announced three fixes, and you built each in its own lesson.
  // Each must earn its place on the night as it happened, even wired alone: what did
  // its own lesson's tests require of it, and with which limits? The Region runs many
  // nights, and each night several load balancers: what must be true of the velocity
  // control each of them gets? (A lesson not green yet? Its solution folder has one that is.)

  // What the Region had in October 2025: none of them.
  return {};
}
