import fc from 'fast-check';
import { regionalEndpointResolves } from '../src/dns/invariants.ts';
import { createDnsModel } from '../src/dns/model.ts';
import { smallScopeConfig } from '../src/scenarios/dns.ts';
import { RANDOM_BUDGET, randomRuns, seedsToFirstViolation } from './explore.ts';
import { regionalEndpointAlwaysAnswers, runRace } from './fast-check-race.ts';
import { median, round, timeMsAsync } from './stats.ts';

/**
 * Runs to find the race is geometric (about 1 run in 50 finds it), so the median of 20
 * seeds swings by a factor of two between runs of the bench; 100 keeps the ratio near
 * its true value.
 */
const SEEDS = 100;
const REPETITIONS = 5;
const OUR_RUNS = 4_000;
const FAST_CHECK_RUNS = 2_000;

/** fast-check's runs until the property first fails, for one seed (the budget when it never does). */
async function fastCheckRunsToFind(seed: number): Promise<{ runs: number; found: boolean }> {
  // fc.check is what fc.assert runs before it throws; endOnFailure skips the shrinking
  // (fast-check cannot shrink a schedule anyway), so numRuns is the runs to the failure.
  const details = await fc.check(regionalEndpointAlwaysAnswers, { seed, numRuns: RANDOM_BUDGET, endOnFailure: true });
  return { runs: details.failed ? details.numRuns : RANDOM_BUDGET, found: details.failed };
}

/** fast-check runs per second, every schedule run to its end; also how many emptied the endpoint. */
async function fastCheckThroughput(seed: number): Promise<{ perSec: number; raced: number }> {
  let raced = 0;
  const counting = fc.asyncProperty(fc.scheduler(), async (s) => {
    if ((await runRace(s)) !== null) raced++;
  });
  const ms = await timeMsAsync(() => fc.assert(counting, { numRuns: FAST_CHECK_RUNS, seed }));
  return { perSec: FAST_CHECK_RUNS / (ms / 1000), raced };
}

/**
 * Our explorer against fast-check's `fc.scheduler()` on the same race and the same small
 * configuration (2 Enactors, 5 plans, clean-up threshold 2, one endpoint), both choosing
 * uniformly at random among the tasks that can move. Runs to find the race: median over
 * SEEDS seeds each. Runs per second: the two alternate, every run to the end of its
 * schedule, and the ratio is the median of the per-pair ratios. The race rates (share of
 * runs that empty the endpoint) should agree if the two models are the same mechanism.
 */
export async function benchVsFastCheck(): Promise<Record<string, number>> {
  const model = createDnsModel(smallScopeConfig(), { name: 'smallScope' });
  const oursToFind = seedsToFirstViolation(model, { strategy: 'random', budget: RANDOM_BUDGET, batches: SEEDS });
  const theirs: number[] = [];
  let theirsFound = 0;
  for (let seed = 1; seed <= SEEDS; seed++) {
    const { runs, found } = await fastCheckRunsToFind(seed);
    theirs.push(runs);
    if (found) theirsFound++;
  }

  const invariants = [regionalEndpointResolves];
  randomRuns(model, 200, 1, invariants, false);
  await fastCheckThroughput(0);
  const ourRates: number[] = [];
  const theirRates: number[] = [];
  const ratios: number[] = [];
  let ourRaced = 0;
  let theirRaced = 0;
  for (let r = 0; r < REPETITIONS; r++) {
    const ours = randomRuns(model, OUR_RUNS, 1 + r * OUR_RUNS, invariants, false);
    const theirs = await fastCheckThroughput(1 + r);
    ourRates.push(ours.perSec);
    theirRates.push(theirs.perSec);
    ratios.push(ours.perSec / theirs.perSec);
    ourRaced += ours.violating;
    theirRaced += theirs.raced;
  }

  const runsToFind = median(theirs);
  return {
    'explore.vsFastCheck.runsToFind': runsToFind,
    'explore.vsFastCheck.found': theirsFound / SEEDS,
    'explore.vsFastCheck.oursRunsToFind': oursToFind.median,
    'explore.vsFastCheck.runsToFindRatio': round(runsToFind / oursToFind.median, 2),
    'explore.vsFastCheck.runsPerSec': round(median(theirRates)),
    'explore.vsFastCheck.oursRunsPerSec': round(median(ourRates)),
    'explore.vsFastCheck.runsPerSecRatio': round(median(ratios), 2),
    'explore.vsFastCheck.raceRate': round(theirRaced / (REPETITIONS * FAST_CHECK_RUNS)),
    'explore.vsFastCheck.oursRaceRate': round(ourRaced / (REPETITIONS * OUR_RUNS)),
  };
}
