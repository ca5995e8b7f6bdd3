import { DISTRIBUTION_SEEDS, detectRegionPhases, formatDistribution, october2025Region, runRegion } from '@outage-lab/core';
import { nightDistributionOnThreads } from '@outage-lab/core/distribution-threads';
import { ProgressLine } from './progress.ts';
import type { ReplayIo } from './io.ts';

/**
 * `npm run replay -- --distribution`: the October night as one sample of many. Runs the
 * Region's DNS night for every seed of `DISTRIBUTION_SEEDS` (on two threads), the whole
 * night for each whose race falls within ten minutes of 23:48, and prints the share of
 * nights that race and every phase edge as a median and a 10–90% range, the canonical
 * seed beside them.
 */
export async function replayDistribution(io: ReplayIo, seed: number | null): Promise<number> {
  const config = seed === null ? october2025Region : { ...october2025Region, seed };
  const bar = new ProgressLine(io.progress);
  const distribution = await nightDistributionOnThreads(october2025Region, DISTRIBUTION_SEEDS, (f) => bar.update(f, `seeds ${DISTRIBUTION_SEEDS.from}–${DISTRIBUTION_SEEDS.to - 1}`));
  bar.done();
  io.out(`${formatDistribution(distribution, { seed: config.seed, phases: detectRegionPhases(runRegion(config)) })}\n`);
  return 0;
}
