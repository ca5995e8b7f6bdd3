import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { median } from '@outage-lab/core/bench/stats.ts';
import { treeRssMB } from './process-tree.ts';
import { learnerTree } from './solved-tree.ts';

/**
 * The learner's loop, timed as a learner meets it: whole processes started the way the
 * README says, in a copy of this repository, first as cloned (the starters) and then
 * with every lesson solved. It only spawns commands (no import of the workshop package),
 * so the bench does not depend on the tooling it times. The full checks, `npm test` and
 * `npm run test:long`, run in this repository, cold.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WATCHED = '02';
/** How often the process tree's memory is read while a lesson runs. */
const SAMPLE_MS = 25;

/** Runs a command to its end: its wall time and the peak memory of its process tree. Any exit code is fine (a red lesson exits 1). */
function timed(cwd: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<{ ms: number; peakMB: number }> {
  const started = performance.now();
  const child = spawn(command, args, { cwd, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1', ...env } });
  let peakMB = 0;
  const sampler = setInterval(() => {
    if (child.pid !== undefined) peakMB = Math.max(peakMB, treeRssMB(child.pid));
  }, SAMPLE_MS);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', () => {
      clearInterval(sampler);
      resolve({ ms: performance.now() - started, peakMB });
    });
  });
}

const lesson = (dir: string, id: string) => timed(dir, process.execPath, ['--import', 'tsx', join(dir, 'packages/workshop/src/cli.ts'), 'lesson', id]);

/** Each lesson twice: the median wall time of each, and the largest peak of any run. */
async function lessons(dir: string, ids: readonly string[]): Promise<{ wall: Map<string, number>; peakMB: number }> {
  const wall = new Map<string, number>();
  let peakMB = 0;
  for (const id of ids) {
    const runs = [await lesson(dir, id), await lesson(dir, id)];
    wall.set(id, median(runs.map((r) => r.ms)));
    peakMB = Math.max(peakMB, ...runs.map((r) => r.peakMB));
  }
  return { wall, peakMB };
}

/** Save-to-verdict in watch mode, warm: the first run is over before the clock starts. */
async function watchRerunMs(dir: string, saves: number): Promise<number> {
  const file = join(dir, 'exercises', '02-generation-checks', 'src', 'enactor.ts');
  const content = readFileSync(file);
  const child = spawn(process.execPath, ['--import', 'tsx', join(dir, 'packages/workshop/src/cli.ts'), 'lesson', WATCHED, '--watch'], {
    cwd: dir,
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

const perLesson = (prefix: string, wall: ReadonlyMap<string, number>): Record<string, number> =>
  Object.fromEntries([...wall].map(([id, ms]) => [`${prefix}.${id}`, Math.round(ms)]));

/** The learner's loop on a copy of the repository: each lesson on the starters, then solved; the watch mode and the dashboard. */
async function learnerLoop(wanted: (key: string) => boolean): Promise<Record<string, number>> {
  const tree = learnerTree(ROOT);
  try {
    const ids = readdirSync(join(tree.dir, 'exercises'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name.slice(0, 2));
    const starter = await lessons(tree.dir, ids);
    tree.solve();
    const solved = await lessons(tree.dir, ids);
    const figures: Record<string, number> = {
      'workshop.lessonWallMsSolved': Math.round(Math.max(...solved.wall.values())),
      ...perLesson('workshop.lessonWallMsSolved', solved.wall),
      ...perLesson('workshop.lessonWallMsStarter', starter.wall),
      'workshop.lessonPeakMB': Math.round(Math.max(solved.peakMB, starter.peakMB)),
    };
    if (wanted('workshop.watchRerunMsSolved')) figures['workshop.watchRerunMsSolved'] = Math.round(await watchRerunMs(tree.dir, 3));
    if (wanted('workshop.startMsCached')) {
      // The first start fills the dashboard's cache; the ones after it find nothing changed.
      const start = () => timed(tree.dir, process.execPath, ['--import', 'tsx', join(tree.dir, 'packages/workshop/src/cli.ts'), 'start']);
      await start();
      figures['workshop.startMsCached'] = Math.round(median([(await start()).ms, (await start()).ms, (await start()).ms]));
    }
    return figures;
  } finally {
    tree.remove();
  }
}

/** `--only workshop.lesson` times the lessons alone: the cold suites take minutes. */
export async function benchWorkshop(wanted: (key: string) => boolean = () => true): Promise<Record<string, number>> {
  const lessonKeys = ['workshop.lessonWallMsSolved', 'workshop.lessonPeakMB', 'workshop.watchRerunMsSolved', 'workshop.startMsCached'];
  const figures = lessonKeys.some(wanted) ? await learnerLoop(wanted) : {};
  // Cold: Turbo's cache is bypassed, so every task runs as on a fresh clone.
  if (wanted('workshop.testColdMs')) figures['workshop.testColdMs'] = Math.round((await timed(ROOT, 'npm', ['test', '--silent'], { TURBO_FORCE: 'true' })).ms);
  if (wanted('workshop.testLongColdMs')) figures['workshop.testLongColdMs'] = Math.round((await timed(ROOT, 'npm', ['run', '-s', 'test:long'])).ms);
  return figures;
}
