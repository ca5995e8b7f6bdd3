import { createDnsModel, exploreExhaustively, smallScope } from '@outage-lab/core';
import { DNS_INVARIANTS } from '@outage-lab/core/judge';
import { median, round, timeMs } from '@outage-lab/core/bench/stats.ts';
import { fixedEnactor } from '../src/solutions.ts';

const RUNS = 5;

/**
 * The complete exhaustive check of lesson 02's fixed Enactor on the SPIN-sized
 * configuration: every reachable state, every invariant (depth-first, so one path of
 * worlds in memory at a time). Warm: one run first, then the median of five. It lives in
 * course because it needs a lesson's solution, which only course may import.
 */
export async function benchFixedEnactor(): Promise<Record<string, number>> {
  // A model per run, as each caller builds its own: a model's codec remembers the steps it met.
  const check = () => exploreExhaustively(createDnsModel(smallScope.config, { name: 'smallScope', enactor: fixedEnactor() }), { invariants: DNS_INVARIANTS, stopAtFirst: false });
  const first = check();
  if (!first.complete) throw new Error(`the fixed Enactor's state space did not fit in the search (${first.states} states)`);
  const ms: number[] = [];
  for (let r = 0; r < RUNS; r++) ms.push(timeMs(check));
  return {
    'explore.smallScope.msFullFixed': round(median(ms)),
    'explore.smallScope.fixedStates': first.states,
    'explore.smallScope.fixedViolations': first.violations,
  };
}
