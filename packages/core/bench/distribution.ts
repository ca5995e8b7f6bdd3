import { performance } from 'node:perf_hooks';
import { DISTRIBUTION_SEEDS } from '../src/region/distribution.ts';
import { nightDistributionOnThreads } from '../src/region/distribution-threads.ts';
import { october2025Region } from '../src/scenarios/region.ts';

let running: Promise<Record<string, number>> | null = null;

/**
 * The replay's distribution, measured: how many configured nights race (`dns.raceShareOfNights`,
 * over the first 400 seeds, each DNS night run to the repair) and how many nights racing
 * within ten minutes of 23:48 the seeds give (`replay.seedsSampled`), with the wall time on
 * two threads. Computed from the seeds every time; both bench sections share one run.
 */
export function benchDistribution(): Promise<Record<string, number>> {
  running ??= (async () => {
    const started = performance.now();
    const d = await nightDistributionOnThreads(october2025Region, DISTRIBUTION_SEEDS);
    return {
      'dns.raceShareOfNights': Math.round(d.raceShare * 1000) / 1000,
      'dns.nightsCountedForRaceShare': d.nightsCounted,
      'replay.seedsSampled': d.seedsSampled,
      'replay.seedsTried': d.seedsTried,
      'replay.distributionWallSeconds': Math.round((performance.now() - started) / 100) / 10,
    };
  })();
  return running;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await benchDistribution());
}
