import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RegionConfig } from './config.ts';
import { bundleWorker } from '../sim/worker-bundle.ts';
import { contentKey } from '../sim/memo.ts';
import { nightDistribution, type NightDistribution, type SeedNight, type SeedRange } from './distribution.ts';

/**
 * The distribution's threads, built and ready to start, and what they would compute:
 * the code they run (every module the worker bundles) and their inputs (the night's
 * parameters, the seeds, the Node version). A result kept under a hash of both can stand
 * in for a run; any change to the model changes the code.
 */
export interface PreparedDistribution {
  readonly code: Uint8Array;
  readonly inputs: string;
  run(onProgress?: (fraction: number) => void): Promise<NightDistribution>;
  /** Removes the worker's bundle; call it once, run or not. */
  dispose(): void;
}

export async function prepareNightDistribution(config: RegionConfig, range: SeedRange): Promise<PreparedDistribution> {
  const bundle = await bundleWorker({ module: new URL('./distribution-worker.ts', import.meta.url).href, export: 'runDistributionWorker' });
  return {
    code: readFileSync(bundle.url),
    inputs: `${contentKey(config) ?? JSON.stringify(config)}\n${JSON.stringify(range)}\n${process.version}`,
    run: (onProgress) => runOnThreads(bundle.url, config, range, onProgress),
    dispose: () => bundle.dispose(),
  };
}

/**
 * The distribution's seeds split into contiguous ranges, one per core (at most two: the
 * workshop's laptops have two), joined in seed order: the same seeds give the same
 * distribution on any machine. `onProgress` hears the share of seeds done.
 */
export async function nightDistributionOnThreads(config: RegionConfig, range: SeedRange, onProgress?: (fraction: number) => void): Promise<NightDistribution> {
  const prepared = await prepareNightDistribution(config, range);
  try {
    return await prepared.run(onProgress);
  } finally {
    prepared.dispose();
  }
}

async function runOnThreads(url: URL, config: RegionConfig, range: SeedRange, onProgress?: (fraction: number) => void): Promise<NightDistribution> {
  const workers = Math.max(1, Math.min(2, availableParallelism(), range.to - range.from));
  const size = Math.ceil((range.to - range.from) / workers);
  const done = new Array<number>(workers).fill(0);
  const report = (i: number, n: number): void => {
    done[i] = n;
    onProgress?.(done.reduce((a, b) => a + b, 0) / (range.to - range.from));
  };
  const parts = await Promise.all(
    Array.from({ length: workers }, (_, i) => {
      const part = { ...range, from: range.from + i * size, to: Math.min(range.to, range.from + (i + 1) * size) };
      return onThread(url, config, part, (n) => report(i, n));
    }),
  );
  return nightDistribution(parts.flat(), range.windowMs);
}

function onThread(url: URL, config: RegionConfig, range: SeedRange, onSeed: (done: number) => void): Promise<SeedNight[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData: { config, range } });
    worker.on('message', (message: { readonly done?: number; readonly nights?: SeedNight[] }) => {
      if (message.nights !== undefined) resolve(message.nights);
      else if (message.done !== undefined) onSeed(message.done);
    });
    worker.once('error', reject);
    // A thread that ends without its nights (out of memory, killed) fails the run rather than leave it waiting.
    worker.once('exit', (code) => reject(new Error(`a distribution thread for seeds ${range.from}–${range.to - 1} stopped (exit code ${code}) before it sent its nights`)));
  });
}
