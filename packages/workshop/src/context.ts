import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository this CLI sits in: three levels above this file. Not course's REPO_ROOT:
 * in the tests' temporary copies the workspace packages resolve to the real repository,
 * and the CLI must work on the copy it was started from.
 */
export const WORKSHOP_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Where a command writes. The CLI passes the process's streams; tests pass buffers. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export interface Context {
  /** The repository (or a test's temporary copy of it). */
  readonly root: string;
  readonly io: Output;
  readonly env: NodeJS.ProcessEnv;
  /** Wall-clock time, for backup folder names; injectable so tests can pin it. */
  readonly now: () => Date;
}

export function processContext(root: string = WORKSHOP_ROOT): Context {
  return {
    root,
    io: { out: (text) => process.stdout.write(`${text}\n`), err: (text) => process.stderr.write(`${text}\n`) },
    env: process.env,
    now: () => new Date(),
  };
}
