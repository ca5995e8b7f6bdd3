import { parentPort, workerData } from 'node:worker_threads';
import { createFileChecker } from './typecheck.ts';

/**
 * Type-checks the learner's files in a thread of its own, so that TypeScript's second or
 * two of work runs beside Vitest's instead of before it, and stays warm in watch mode.
 */
const { root, tsconfig } = workerData as { root: string; tsconfig: string };
const checker = createFileChecker(root, tsconfig);
parentPort?.on('message', (request: { id: number; files: string[] }) => {
  try {
    parentPort?.postMessage({ id: request.id, problems: checker.check(request.files) });
  } catch (error) {
    parentPort?.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
});
