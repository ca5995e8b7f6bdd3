import type { DnsObservation, Invariant } from '@outage-lab/core';

/**
 * Part B: let the machine find it.
 *
 * An invariant is a property that must hold after every step. The simulator calls
 * `check(now, before)` with what could be observed right after a step (`now`) and right
 * before it (`before`, null for the starting state). Return null when all is well, or one
 * sentence saying what broke and where (name the endpoint), in the incident's words: that
 * sentence is what the explorer prints next to the timeline of the schedule that broke it.
 * `now.endpoints` comes in no promised order, and an endpoint new to the zone is not in
 * `before`.
 *
 * `now.endpoints` lists every endpoint with:
 *   name, activeGeneration (the plan the root ALIAS points at), activeSetExists,
 *   answers (the addresses a resolver gets; [] means NOERROR with no answers),
 *   rollbackGeneration.
 */

export const REGIONAL = 'dynamodb.us-east-1.amazonaws.com';

export const regionalEndpointResolves: Invariant<DnsObservation> = {
  name: 'regional-endpoint-resolves',
  description: `${REGIONAL} always answers at least one address`,
  kind: 'safety',
  check(now) {
    // TODO(lesson 01): at 23:48 resolvers asking for the regional endpoint got NOERROR
    // and nothing else. When, in what you can observe now, is that the case? Say so in
    // one sentence; stay silent (null) otherwise, whatever other endpoints do.
    return null;
  },
};

export const generationNeverRegresses: Invariant<DnsObservation> = {
  name: 'generation-never-regresses',
  description: 'no endpoint ever moves to an older plan generation',
  kind: 'safety',
  check(now, before) {
    // TODO(lesson 01): generations only grow, so an endpoint that serves an older plan
    // than it did a step ago was overwritten by a stale one. Which endpoints can that
    // happen to, and what do you compare to see it?
    return null;
  },
};

export const activePlanExists: Invariant<DnsObservation> = {
  name: 'active-plan-exists',
  description: "every endpoint's root ALIAS points at a record set that exists",
  kind: 'safety',
  check(now) {
    // TODO(lesson 01): after 23:48 the regional endpoint's root ALIAS pointed at a set
    // clean-up had deleted. Which endpoints point somewhere, and how do you see that the
    // place they point at is gone?
    return null;
  },
};

/** The invariants the explorer checks after every step. */
export const myInvariants: readonly Invariant<DnsObservation>[] = [regionalEndpointResolves, generationNeverRegresses, activePlanExists];
