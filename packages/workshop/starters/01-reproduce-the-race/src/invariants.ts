import type { DnsObservation, Invariant } from '@outage-lab/core';

/**
 * Part B: let the machine find it.
 *
 * An invariant is a property that must hold after every step. The simulator calls
 * `check(now, before)` with what could be observed right after a step (`now`) and right
 * before it (`before`, null for the starting state). Return null when all is well, or one
 * sentence saying what broke, in the incident's words: that sentence is what the explorer
 * prints next to the timeline of the schedule that broke it.
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
    // TODO(lesson 01): return a sentence when the regional endpoint has no answers.
    return null;
  },
};

export const generationNeverRegresses: Invariant<DnsObservation> = {
  name: 'generation-never-regresses',
  description: 'no endpoint ever moves to an older plan generation',
  kind: 'safety',
  check(now, before) {
    // TODO(lesson 01): compare each endpoint's activeGeneration with the one in `before`.
    return null;
  },
};

export const activePlanExists: Invariant<DnsObservation> = {
  name: 'active-plan-exists',
  description: "every endpoint's root ALIAS points at a record set that exists",
  kind: 'safety',
  check(now) {
    // TODO(lesson 01): an endpoint with an activeGeneration must have activeSetExists.
    return null;
  },
};

/** The invariants the explorer checks after every step. */
export const myInvariants: readonly Invariant<DnsObservation>[] = [regionalEndpointResolves, generationNeverRegresses, activePlanExists];
