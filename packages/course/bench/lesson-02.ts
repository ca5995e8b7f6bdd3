import { createDnsModel, exploreExhaustively, smallScopeConfig } from '@outage-lab/core';
import { DNS_INVARIANTS } from '@outage-lab/core/judge';
import { median, round, timeMs } from '@outage-lab/core/bench/stats.ts';
import { fixedEnactor } from '../src/solutions.ts';

/** Lesson 02 step 9's size (exercises/02-generation-checks/test/real-size.ts): kept in step with it by hand. */
const SIZE = { enactors: 3, endpoints: 2, plans: 4, cleanupThreshold: 1 } as const;
const MAX_STATES = 2_000_000;
const RUNS = 3;

/**
 * Lesson 02 step 9 as a learner with a correct Enactor runs it: every interleaving of
 * three Enactors on both endpoints, every invariant, in the test's own thread. One warm-up
 * run (which also checks the solution passes), then the median of three. Each run builds
 * its own model, as the step does: a model's codec remembers steps, and a second search
 * on the same model would start with them remembered.
 */
export async function benchLesson02RealSize(): Promise<Record<string, number>> {
  const check = () =>
    exploreExhaustively(createDnsModel(smallScopeConfig(SIZE), { name: 'lesson02RealSize', enactor: fixedEnactor() }), { invariants: DNS_INVARIANTS, maxStates: MAX_STATES });
  const first = check();
  if (!first.complete || first.counterexample !== null) throw new Error(`lesson 02's solution does not pass step 9 (${first.states} states, ${first.violations} violations)`);
  const ms: number[] = [];
  for (let r = 0; r < RUNS; r++) ms.push(timeMs(check));
  return { 'lessons.02.realSizeStepMs': round(median(ms)), 'lessons.02.realSizeStates': first.states };
}
