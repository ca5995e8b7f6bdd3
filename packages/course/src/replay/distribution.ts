import { detectRegionPhases, formatDistribution, runRegion, type NightDistribution, type RegionConfig, type SeedRange } from '@outage-lab/core';
import { prepareNightDistribution } from '@outage-lab/core/distribution-threads';
import { distributionCache, distributionKey } from './cache.ts';
import { ProgressLine } from './progress.ts';
import type { ReplayIo } from './io.ts';

/**
 * The October night as one sample of many: the Region's DNS night for every seed of
 * `seeds` (on two threads), the whole night for each whose race falls within ten minutes
 * of 23:48, and then the share of nights that race and every phase edge as a median and
 * a 10–90% range, `config`'s own seed beside them. A distribution computed before by the
 * same code for the same parameters and seeds is read back instead.
 */
export async function replayDistribution(io: ReplayIo, config: RegionConfig, seeds: SeedRange): Promise<number> {
  // Each night's seed comes from `seeds`: the night's own seed is no part of what is computed, nor of its key.
  const prepared = await prepareNightDistribution({ ...config, seed: 0 }, seeds);
  let distribution: NightDistribution;
  try {
    const cache = io.cacheDir === null ? null : distributionCache(io.cacheDir, (line) => io.err(`replay: ${line}\n`));
    const key = distributionKey(prepared);
    const kept = cache?.read(key) ?? null;
    if (kept !== null) {
      distribution = kept;
    } else {
      const bar = new ProgressLine(io.progress);
      const label = `the distribution: seeds ${seeds.from}–${seeds.to - 1}`;
      bar.update(0, label);
      distribution = await prepared.run((fraction) => bar.update(fraction, label));
      bar.done();
      cache?.write(key, distribution);
    }
  } finally {
    prepared.dispose();
  }
  io.out(`${formatDistribution(distribution, { seed: config.seed, phases: detectRegionPhases(runRegion(config)) })}\n`);
  return 0;
}
