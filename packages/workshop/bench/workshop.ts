import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

/**
 * The learner's loop, timed as a learner meets it: whole processes started the way the
 * README says, in this repository. It only spawns commands (no import of the workshop
 * package), so core's bench does not depend on the tooling built on core. Nothing the
 * learner wrote changes: the watch-mode save writes the file's own bytes back.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const LESSON = '02';

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** Runs a command to its end and returns its wall time; any exit code is fine (a red lesson exits 1). */
function timed(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: ROOT, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1', ...env } });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', () => resolve(performance.now() - started));
  });
}

/** Save-to-verdict in watch mode, warm: the first run is over before the clock starts. */
async function watchRerunMs(saves: number): Promise<number> {
  const file = join(ROOT, 'exercises', '02-generation-checks', 'src', 'enactor.ts');
  const content = readFileSync(file);
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'packages/workshop/src/cli.ts'), 'lesson', LESSON, '--watch'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'ignore'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let out = '';
  let wake: () => void = () => undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    wake();
  });
  const verdicts = (): number => (out.match(/^Lesson 02: /gm) ?? []).length;
  const next = (count: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = (): void => (verdicts() > count ? resolve() : child.exitCode !== null ? reject(new Error('watch mode ended early')) : void (wake = check));
      check();
    });
  try {
    await next(0);
    const times: number[] = [];
    for (let i = 0; i < saves; i++) {
      const count = verdicts();
      const started = performance.now();
      writeFileSync(file, content);
      await next(count);
      times.push(performance.now() - started);
    }
    return median(times);
  } finally {
    child.kill('SIGINT');
  }
}

export async function benchWorkshop(): Promise<Record<string, number>> {
  // The first start fills the dashboard's cache; the ones after it find nothing changed.
  await timed('npm', ['start', '--silent']);
  const startMsCached = median([await timed('npm', ['start', '--silent']), await timed('npm', ['start', '--silent']), await timed('npm', ['start', '--silent'])]);
  const lessonWallMs = median([await timed('npm', ['run', '-s', 'lesson', '--', LESSON]), await timed('npm', ['run', '-s', 'lesson', '--', LESSON])]);
  const rerunMs = await watchRerunMs(3);
  // Cold: Turbo's cache is bypassed, so every task runs as on a fresh clone.
  const testColdMs = await timed('npm', ['test', '--silent'], { TURBO_FORCE: 'true' });
  return {
    'workshop.startMsCached': Math.round(startMsCached),
    'workshop.lessonWallMs': Math.round(lessonWallMs),
    'workshop.watchRerunMs': Math.round(rerunMs),
    'workshop.testColdMs': Math.round(testColdMs),
  };
}
