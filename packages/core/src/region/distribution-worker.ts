import { parentPort, workerData } from 'node:worker_threads';
import type { RegionConfig } from './config.ts';
import { seedNights, type SeedRange } from './distribution.ts';

/** What the main thread sends: the next chunk of seeds, or null when there is none. */
export type DistributionTask = SeedRange | null;

/** What a distribution thread sends back: seeds done in its chunk so far, or the chunk's nights. */
export type DistributionReply = { readonly done: number } | { readonly nights: ReturnType<typeof seedNights> };

/**
 * A distribution thread, started from `bundleWorker`: it runs each chunk of seeds it is
 * sent and sends its nights back, until it is sent null.
 */
export function runDistributionWorker(): void {
  const { config } = workerData as { readonly config: RegionConfig };
  const port = parentPort;
  if (port === null) return;
  port.on('message', (task: DistributionTask) => {
    if (task === null) {
      port.close();
      return;
    }
    const nights = seedNights(config, task, (done) => {
      if (done % 10 === 0) port.postMessage({ done } satisfies DistributionReply);
    });
    port.postMessage({ nights } satisfies DistributionReply);
  });
}
