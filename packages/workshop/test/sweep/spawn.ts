import { spawn } from 'node:child_process';
import { REPO_ROOT } from '@outage-lab/course';

// Quiet, a spawn here takes one to three seconds; a busy 2-core laptop, about four times that.
export const SPAWN_BUDGET_MS = 120_000;

/** Runs an entry point as a process from the repository root, as its npm script does. */
export function spawnCommand(argv: readonly string[], options: { closeStdout?: boolean } = {}): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [...argv], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: '1', DEBUG: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  if (options.closeStdout === true) child.stdout.destroy();
  else child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, out, err })));
}
