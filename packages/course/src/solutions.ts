import { declareStateless, type EnactorProgram, type FailoverPolicy, type RegionFixes, type Throttle } from '@outage-lab/core';
import { DnsEnactor } from '../../../solutions/02-generation-checks/src/enactor.ts';
import { createVelocityControl, type VelocityLimits } from '../../../solutions/03-nlb-velocity-control/src/velocity-control.ts';
import { createQueueThrottle, type ThrottleLimits } from '../../../solutions/04-ec2-throttling/src/throttle.ts';
import { regionFixes } from '../../../solutions/05-cascade/src/fixes.ts';

/**
 * The solutions registry: the one module in the repository that imports `solutions/`.
 * Everything else that needs a lesson's answer (the replay, the cascade deck's per-fix
 * charts, the bench of the fixed Enactor) asks here, so the import graph check can hold
 * every other package to "never import an answer".
 */

/** Lesson 02's fixed Enactor, as a fresh program (worker threads load it from `solution-modules.ts`). */
export function fixedEnactor(): EnactorProgram {
  return new DnsEnactor();
}

/** Lesson 03's velocity control with any limits (the decks' knobs move them). */
export function velocityControl(limits: VelocityLimits): FailoverPolicy {
  return createVelocityControl(limits);
}

/** Lesson 04's queue throttle with any share (the decks' knobs move it). */
export function queueThrottle(limits: ThrottleLimits): Throttle {
  return createQueueThrottle(limits);
}

let reference: Required<RegionFixes> | null = null;

/**
 * The fixes the replay switches on: lesson 05's solution, which wires in the solutions of
 * lessons 02 to 04. The same objects every time in a process (the solutions are stateless,
 * and a policy is made anew per night by its factory), vouched stateless: `runRegion` keys
 * such fixes by identity, so the replay and the cascade deck's charts share the nights they
 * both run. A learner's fixes are never memoised.
 */
export function referenceFixes(): Required<RegionFixes> {
  if (reference !== null) return reference;
  const { enactor, failoverPolicy, throttle } = regionFixes();
  if (enactor === undefined || failoverPolicy === undefined || throttle === undefined) {
    throw new Error('solutions/05-cascade/src/fixes.ts: regionFixes() must return all three fixes (enactor, failoverPolicy, throttle)');
  }
  reference = { enactor, failoverPolicy, throttle };
  declareStateless(enactor, failoverPolicy, throttle);
  return reference;
}
