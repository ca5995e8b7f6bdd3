import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { MINUTE } from '../src/sim/clock.ts';
import { DISTRIBUTION_SEEDS } from '../src/region/distribution.ts';
import { nightDistributionOnThreads } from '../src/region/distribution-threads.ts';
import { october2025Region } from '../src/scenarios/region.ts';

let running: Promise<Record<string, number>> | null = null;

/** What the default replay's distribution runs on: its seeds and its threads. */
export const DISTRIBUTION_INPUTS = {
  firstSeed: DISTRIBUTION_SEEDS.from,
  lastSeed: DISTRIBUTION_SEEDS.to - 1,
  countedForRaceShare: DISTRIBUTION_SEEDS.countBelow - DISTRIBUTION_SEEDS.from,
  windowMinutes: DISTRIBUTION_SEEDS.windowMs / MINUTE,
  threads: Math.max(1, Math.min(2, availableParallelism())),
};

/**
 * The replay's distribution, measured: how many configured nights race (`dns.raceShareOfNights`,
 * over the first 400 seeds, each DNS night run to the repair) and how many nights racing
 * within ten minutes of 23:48 the seeds give (`replay.seedsSampled`), with the wall time and
 * the CPU time of the default `npm run replay`'s distribution on its threads, computed (the
 * replay's kept copy is never read here). Both bench sections share one run.
 */
export function benchDistribution(): Promise<Record<string, number>> {
  running ??= (async () => {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const d = await nightDistributionOnThreads(october2025Region, DISTRIBUTION_SEEDS);
    const used = process.cpuUsage(cpu);
    return {
      'dns.raceShareOfNights': Math.round(d.raceShare * 1000) / 1000,
      'dns.nightsCountedForRaceShare': d.nightsCounted,
      'replay.seedsSampled': d.seedsSampled,
      'replay.seedsTried': d.seedsTried,
      'replay.distributionMs': Math.round(performance.now() - started),
      'replay.distributionCpuMs': Math.round((used.user + used.system) / 1000),
    };
  })();
  return running;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await benchDistribution());
}
