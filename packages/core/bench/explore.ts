import { DNS_INVARIANTS, regionalEndpointResolves } from '../src/dns/invariants.ts';
import { createDnsModel, type DnsModel } from '../src/dns/model.ts';
import { october2025Exploration, smallScope } from '../src/scenarios/dns.ts';
import { exploreExhaustively } from '../src/sim/exhaustive.ts';
import { explore } from '../src/sim/explore.ts';
import { runModel } from '../src/sim/run.ts';
import { median, round, timeMs } from './stats.ts';

/** The search takes tens of milliseconds, so the JIT needs a few runs before the timed ones. */
const SMALL_SCOPE_WARM_UP = 5;
const SMALL_SCOPE_RUNS = 7;
const THROUGHPUT_SEEDS = 1_500;
const THROUGHPUT_REPETITIONS = 5;
/** Batches of seeds for "how many seeds until the first violation", and the seeds each may use. */
export const BATCHES = 20;
export const RANDOM_BUDGET = 1_000;
/** PCT at depth 3 does not find the empty endpoint at all (see the README), so its budget is what bounds the section. */
export const PCT_BUDGET = 1_000;

/**
 * Exhaustive breadth-first search of the SPIN-sized configuration (2 Enactors, 5 plans,
 * threshold 2) until the regional endpoint empties, called as lesson 01 and the tests
 * call it (the counterexample shrunk and explained). Warm: five runs first, then the median of seven.
 */
export async function benchSmallScope(): Promise<Record<string, number>> {
  // A model per run, as each caller builds its own: a model's codec remembers the steps it met.
  const search = () => exploreExhaustively(createDnsModel(smallScope.config, { name: 'smallScope' }), { invariants: [regionalEndpointResolves] });
  const first = search();
  for (let r = 1; r < SMALL_SCOPE_WARM_UP; r++) search();
  if (first.counterexample === null) throw new Error(`explore bench: the small scope's ${first.states} states hold no empty regional endpoint`);
  const ms: number[] = [];
  for (let r = 0; r < SMALL_SCOPE_RUNS; r++) ms.push(timeMs(search));
  return {
    'explore.smallScope.states': first.states,
    'explore.smallScope.counterexampleSteps': first.counterexample.steps,
    'explore.smallScope.msToCounterexample': round(median(ms)),
  };
}

export interface SeedsToViolation {
  /** Median over the batches; a batch that found nothing counts as its whole budget. */
  readonly median: number;
  /** Share of batches that found a violation within the budget. */
  readonly found: number;
}

/**
 * How many seeds `explore` needs before one empties the regional endpoint, in `batches`
 * disjoint batches of seeds; shrinking is off because only the count matters here.
 */
export function seedsToFirstViolation(
  model: DnsModel,
  { strategy, budget, depth, batches = BATCHES }: { strategy: 'random' | 'pct'; budget: number; depth?: number; batches?: number },
): SeedsToViolation {
  const needed: number[] = [];
  let found = 0;
  for (let b = 0; b < batches; b++) {
    const result = explore(model, {
      invariants: [regionalEndpointResolves],
      strategy,
      runs: budget,
      firstSeed: 1 + b * budget,
      shrink: false,
      ...(depth === undefined ? {} : { depth }),
    });
    if (result.failingSeeds.length > 0) found++;
    needed.push(result.runs);
  }
  return { median: median(needed), found: found / batches };
}

/** Random runs of `model` per second, invariants checked after every step, no trace; and how many broke one. */
export function randomRuns(
  model: DnsModel,
  seeds: number,
  firstSeed: number,
  invariants = DNS_INVARIANTS,
  stopOnViolation = true,
): { perSec: number; violating: number } {
  let violating = 0;
  const ms = timeMs(() => {
    for (let seed = firstSeed; seed < firstSeed + seeds; seed++) {
      const run = runModel(model, { seed, scheduler: { kind: 'random' }, invariants, trace: false, stopOnViolation });
      if (run.violations.length > 0) violating++;
    }
  });
  return { perSec: seeds / (ms / 1000), violating };
}

/**
 * Random exploration of the october2025 topology (3 Enactors, 4 endpoints, 8 plans):
 * runs per second, and how many seeds it takes to find the empty regional endpoint.
 */
export async function benchRandom(): Promise<Record<string, number>> {
  const model = createDnsModel(october2025Exploration.config, { name: 'october2025Exploration' });
  randomRuns(model, 200, 1);
  const rates: number[] = [];
  for (let r = 0; r < THROUGHPUT_REPETITIONS; r++) rates.push(randomRuns(model, THROUGHPUT_SEEDS, 1 + r * THROUGHPUT_SEEDS).perSec);
  const seeds = seedsToFirstViolation(model, { strategy: 'random', budget: RANDOM_BUDGET });
  return {
    'explore.random.runsPerSec': round(median(rates)),
    'explore.random.seedsToFirstViolation': seeds.median,
    'explore.random.found': seeds.found,
  };
}

/**
 * PCT on the same topology at depths 3 and 5. A batch that never finds the empty endpoint
 * counts as its whole budget, and `found` says how many batches did find it.
 */
export async function benchPct(): Promise<Record<string, number>> {
  const model = createDnsModel(october2025Exploration.config, { name: 'october2025Exploration' });
  const depth3 = seedsToFirstViolation(model, { strategy: 'pct', budget: PCT_BUDGET, depth: 3 });
  const depth5 = seedsToFirstViolation(model, { strategy: 'pct', budget: PCT_BUDGET, depth: 5 });
  return {
    'explore.pct.seedsToFirstViolation': depth3.median,
    'explore.pct.found': depth3.found,
    'explore.pct.depth5.seedsToFirstViolation': depth5.median,
    'explore.pct.depth5.found': depth5.found,
  };
}
