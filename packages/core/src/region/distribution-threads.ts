import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RegionConfig } from './config.ts';
import { bundleWorker } from '../sim/worker-bundle.ts';
import { contentKey } from '../sim/memo.ts';
import { nightDistribution, type NightDistribution, type SeedNight, type SeedRange } from './distribution.ts';
import type { DistributionReply, DistributionTask } from './distribution-worker.ts';

/**
 * The distribution's threads, built and ready to start, and what they would compute:
 * the code they run (every module the worker bundles) and their inputs (the night's
 * parameters, the seeds, the Node version). A result kept under a hash of both can stand
 * in for a run; any change to the model changes the code.
 */
export interface PreparedDistribution {
  readonly code: Uint8Array;
  readonly inputs: string;
  /** `seedsPerChunk`: how many seeds a thread takes at a time (a test makes them few). */
  run(onProgress?: (fraction: number) => void, seedsPerChunk?: number): Promise<NightDistribution>;
  /** Removes the worker's bundle; call it once, run or not. */
  dispose(): void;
}

export async function prepareNightDistribution(config: RegionConfig, range: SeedRange): Promise<PreparedDistribution> {
  const bundle = await bundleWorker({ module: new URL('./distribution-worker.ts', import.meta.url).href, export: 'runDistributionWorker' });
  return {
    code: readFileSync(bundle.url),
    inputs: `${contentKey(config) ?? JSON.stringify(config)}\n${JSON.stringify(range)}\n${process.version}`,
    run: (onProgress, seedsPerChunk = CHUNK) => runOnThreads(bundle.url, config, range, seedsPerChunk, onProgress),
    dispose: () => bundle.dispose(),
  };
}

/**
 * The distribution's seeds in chunks, run by one thread per core (at most two: the
 * workshop's laptops have two), each taking the next chunk when it is done with one, so a
 * thread slowed by the rest of the machine, or by the costlier nights counted for the race
 * share, leaves its share to the other. The nights are joined in seed order: the same
 * seeds give the same distribution on any machine. `onProgress` hears the share of seeds done.
 */
export async function nightDistributionOnThreads(config: RegionConfig, range: SeedRange, onProgress?: (fraction: number) => void): Promise<NightDistribution> {
  const prepared = await prepareNightDistribution(config, range);
  try {
    return await prepared.run(onProgress);
  } finally {
    prepared.dispose();
  }
}

/** Seeds per chunk: forty chunks for the replay's 4,000, a few seconds each. */
const CHUNK = 100;

async function runOnThreads(url: URL, config: RegionConfig, range: SeedRange, seedsPerChunk: number, onProgress?: (fraction: number) => void): Promise<NightDistribution> {
  const total = range.to - range.from;
  const chunks: SeedRange[] = [];
  const size = Math.max(1, Math.floor(seedsPerChunk));
  for (let from = range.from; from < range.to; from += size) chunks.push({ ...range, from, to: Math.min(range.to, from + size) });
  const workers = Math.max(1, Math.min(2, availableParallelism(), chunks.length));
  const nights: SeedNight[][] = new Array<SeedNight[]>(chunks.length);
  let next = 0;
  let finished = 0;
  const running = new Array<number>(workers).fill(0);
  const report = (): void => onProgress?.((finished + running.reduce((a, b) => a + b, 0)) / Math.max(1, total));
  await Promise.all(
    Array.from(
      { length: workers },
      (_, i) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(url, { workerData: { config } });
          let chunk = -1;
          const take = (): void => {
            chunk = next < chunks.length ? next++ : -1;
            worker.postMessage((chunks[chunk] ?? null) satisfies DistributionTask);
          };
          worker.on('message', (reply: DistributionReply) => {
            if ('done' in reply) {
              running[i] = reply.done;
            } else {
              nights[chunk] = reply.nights;
              finished += reply.nights.length;
              running[i] = 0;
              take();
            }
            report();
          });
          worker.once('error', reject);
          // A thread that ends before its chunks are done (out of memory, killed) fails the run rather than leave it waiting.
          worker.once('exit', (code) => (chunk === -1 ? resolve() : reject(new Error(`a distribution thread stopped (exit code ${code}) in seeds ${chunks[chunk]?.from}–${(chunks[chunk]?.to ?? 0) - 1}`))));
          take();
        }),
    ),
  );
  return nightDistribution(nights.flat(), range.windowMs);
}
