import { parentPort, workerData } from 'node:worker_threads';
import type { RegionConfig } from './config.ts';
import { seedNights, type SeedRange } from './distribution.ts';

/** One range of the distribution's seeds, on its own core: run in a thread started from `bundleWorker`. */
export function runDistributionWorker(): void {
  const { config, range } = workerData as { readonly config: RegionConfig; readonly range: SeedRange };
  const nights = seedNights(config, range, (done) => {
    if (done % 20 === 0) parentPort?.postMessage({ done });
  });
  parentPort?.postMessage({ nights });
}
