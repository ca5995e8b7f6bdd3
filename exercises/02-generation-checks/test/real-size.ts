import { assert } from 'vitest';
import { createDnsModel, exploreExhaustively, smallScopeConfig, type EnactorProgram } from '@outage-lab/core';
import { DNS_INVARIANTS } from '@outage-lab/core/judge';
import { searchStory } from './search-story.ts';

/**
 * Step 9. The night had three Enactors, one per AZ, and the regional endpoint had an IPv6
 * twin served from the same plan entry. Step 7 checks two Enactors on one endpoint, the
 * size of the public SPIN and TLA+ models; this step checks three on both endpoints.
 *
 * The night's full size, six plans with a clean-up threshold of two, is millions of
 * states: `npm run explore -- --scenario realScope --all-invariants --workers 2 --enactor
 * exercises/02-generation-checks/src/enactor.ts` checks your Enactor at that size. Within
 * a lesson step's patience on a busy two-core laptop, this step checks the largest night
 * that fits: four plans with a clean-up threshold of one, where the race still happens
 * (the starter's Enactor empties the regional endpoint in 12 steps) and a correct Enactor
 * has about 160,000 states.
 */
const SIZE = { enactors: 3, endpoints: 2, plans: 4, cleanupThreshold: 1 } as const;
/** A guard against an Enactor whose states never run out: ten times what a correct one has. */
const MAX_STATES = 2_000_000;
/**
 * The step's budget: a correct Enactor's 160,000 states take about a second on an idle
 * two-core laptop (the search runs your code once per distinct step, about 17,000 of its
 * 446,000) and several times that beside a browser and a video call; a guard, not a speed test.
 */
export const REAL_SIZE_BUDGET = { timeout: 180_000 };

/**
 * Seconds of search cannot change a verdict an earlier step has already given: the step
 * runs once steps 1–8 pass, and says so when it waits.
 */
export const WAITING = 'runs once steps 1–8 pass: it searches every interleaving at real size';

export function everyInterleavingAtRealSize(enactor: EnactorProgram): void {
  const model = createDnsModel(smallScopeConfig(SIZE), { name: 'lesson02RealSize', enactor });
  const started = performance.now();
  const result = exploreExhaustively(model, { invariants: DNS_INVARIANTS, maxStates: MAX_STATES });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `lesson 02: every interleaving of ${SIZE.enactors} Enactors, ${SIZE.endpoints} endpoints, ${SIZE.plans} plans, clean-up threshold ${SIZE.cleanupThreshold}: ${result.states.toLocaleString('en')} states (Enactors that differ only by AZ counted once), ${result.transitions.toLocaleString('en')} steps, in ${seconds} s`,
  );
  const cx = result.counterexample;
  assert(cx === null, cx === null ? '' : `with three Enactors on both endpoints, the shortest schedule that breaks an invariant.\n${searchStory(model, cx, { explorable: false })}`);
  assert(
    result.complete,
    `the search stopped at ${result.states.toLocaleString('en')} states, before covering every interleaving: your Enactor reaches more than ten times the states a correct one has (about 160,000).`,
  );
}
