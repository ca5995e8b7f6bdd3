// Starts a parallel-search worker. A worker does not inherit the parent's TypeScript
// loader, and Node's own type stripping cannot run this code base (parameter
// properties), so a TypeScript entry is loaded through tsx.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
