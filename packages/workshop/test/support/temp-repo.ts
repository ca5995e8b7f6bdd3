import { spawn, type ChildProcess, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { register } from 'tsx/esm/api';
import { main } from '../../src/cli.ts';
import { loadManifest, snapshotStarters, STARTERS_DIR } from '@outage-lab/course';
import { WORKSHOP_ROOT as REPO_ROOT } from '../../src/context.ts';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'workshop');
const SKIP = new Set(['node_modules', '.results', '.turbo', 'dist', 'coverage']);

/**
 * A temporary copy of the repository to run the CLI against: the real root files,
 * scripts and packages, node_modules linked from the real root, and a two-lesson fixture workshop
 * in place of exercises/ and solutions/ so these tests do not move when a lesson does.
 */
export function tempRepo(): string {
  const root = mkdtempSync(join(tmpdir(), 'outage-lab-'));
  for (const file of ['package.json', 'vitest.config.ts', 'tsconfig.base.json']) cpSync(join(REPO_ROOT, file), join(root, file));
  cpSync(join(REPO_ROOT, 'packages'), join(root, 'packages'), {
    recursive: true,
    filter: (source) => {
      const path = relative(REPO_ROOT, source);
      return !path.split(sep).some((part) => SKIP.has(part)) && !path.startsWith(STARTERS_DIR) && !path.includes(`${sep}fixtures`);
    },
  });
  cpSync(join(REPO_ROOT, 'scripts'), join(root, 'scripts'), { recursive: true });
  cpSync(FIXTURE, root, { recursive: true });
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  snapshotStarters(root, loadManifest(root));
  return root;
}

export const removeRepo = (root: string): void => rmSync(root, { recursive: true, force: true });

export interface Captured {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

// The commands that start Vitest load the root vitest.config.ts, which imports the workspace's
// TypeScript sources through Node itself: the loader `node --import tsx` gives the real CLI.
register();

/**
 * The CLI in this process, Vitest's Node API included. Only a step that loops forever
 * needs the CLI's own process: the worker it leaves spinning ends only with the process.
 */
export async function cli(root: string, argv: readonly string[], env: NodeJS.ProcessEnv = {}, now = new Date(2025, 9, 20, 7, 48, 0)): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { root, env, now: () => now, io: { out: (t) => void out.push(t), err: (t) => void err.push(t) } });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * The CLI as a learner starts it (`node --import tsx`, as the root scripts do): its own
 * process, real exit code, real streams, and Ctrl-C delivered to it directly.
 */
export function spawnCli(root: string, argv: readonly string[], env: NodeJS.ProcessEnv = {}) {
  return killedAtExit(spawn(process.execPath, ['--import', 'tsx', join(root, 'packages', 'workshop', 'src', 'cli.ts'), ...argv], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, CI: undefined, VITEST: undefined, VITEST_POOL_ID: undefined, VITEST_WORKER_ID: undefined, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  }));
}

/**
 * A test that times out never reaches its own clean-up, and a watcher it started would
 * outlive the test run, still watching (one did, for an hour and a half): whatever is
 * still running when this test process exits is killed then.
 */
function killedAtExit<T extends ChildProcess>(child: T): T {
  const kill = (): void => void child.kill('SIGKILL');
  process.once('exit', kill);
  child.once('close', () => process.off('exit', kill));
  return child;
}

/** Runs the CLI to the end in its own process. */
export function runCli(root: string, argv: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Captured> {
  return captured(spawnCli(root, argv, env));
}

/** What a child process printed, and its exit code, once it has ended. */
export function captured(child: ChildProcessByStdio<null, Readable, Readable>): Promise<Captured> {
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}
