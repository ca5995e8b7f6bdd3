import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RegionConfig } from './config.ts';
import { bundleWorker } from '../sim/worker-bundle.ts';
import { nightDistribution, type NightDistribution, type SeedNight, type SeedRange } from './distribution.ts';

/**
 * The distribution's seeds split into contiguous ranges, one per core (at most two: the
 * workshop's laptops have two), joined in seed order: the same seeds give the same
 * distribution on any machine. `onProgress` hears the share of seeds done.
 */
export async function nightDistributionOnThreads(config: RegionConfig, range: SeedRange, onProgress?: (fraction: number) => void): Promise<NightDistribution> {
  const workers = Math.max(1, Math.min(2, availableParallelism()));
  const size = Math.ceil((range.to - range.from) / workers);
  const done = new Array<number>(workers).fill(0);
  const report = (i: number, n: number): void => {
    done[i] = n;
    onProgress?.(done.reduce((a, b) => a + b, 0) / (range.to - range.from));
  };
  const bundle = await bundleWorker({ module: new URL('./distribution-worker.ts', import.meta.url).href, export: 'runDistributionWorker' });
  try {
    const parts = await Promise.all(
      Array.from({ length: workers }, (_, i) => {
        const part = { ...range, from: range.from + i * size, to: Math.min(range.to, range.from + (i + 1) * size) };
        return onThread(bundle.url, config, part, (n) => report(i, n));
      }),
    );
    return nightDistribution(parts.flat(), range.windowMs);
  } finally {
    bundle.dispose();
  }
}

function onThread(url: URL, config: RegionConfig, range: SeedRange, onSeed: (done: number) => void): Promise<SeedNight[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData: { config, range } });
    worker.on('message', (message: { readonly done?: number; readonly nights?: SeedNight[] }) => {
      if (message.nights !== undefined) resolve(message.nights);
      else if (message.done !== undefined) onSeed(message.done);
    });
    worker.once('error', reject);
  });
}
