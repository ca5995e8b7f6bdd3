import { REPO_ROOT } from './manifest.ts';

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

export function processContext(root: string = REPO_ROOT): Context {
  return {
    root,
    io: { out: (text) => process.stdout.write(`${text}\n`), err: (text) => process.stderr.write(`${text}\n`) },
    env: process.env,
    now: () => new Date(),
  };
}
