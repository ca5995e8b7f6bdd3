import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { release } from 'node:os';
import { join } from 'node:path';
import { findChromium } from '@outage-lab/browser';
import { isCi, pass, problem, type Check } from './checks.ts';
import { watchFolder } from './file-watcher.ts';
import { loadManifest, MANIFEST_PATH, lessonFiles } from '@outage-lab/course';
import { loadState, STATE_PATH } from './state.ts';

/** Vitest's own default for its UI and API server. */
export const UI_PORT = 51204;

export function portFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export async function portCheck(port: number = UI_PORT): Promise<Check> {
  return (await portFree(port))
    ? pass(`port ${port} is free for the Vitest UI`)
    : problem('warning', `port ${port} is taken (another \`npm run ui\`?)`, `stop the other process, or \`npm run ui -- --port ${port + 1}\``);
}

export function chromiumCheck(env: NodeJS.ProcessEnv): Check {
  const path = findChromium(env);
  if (path !== null) return pass(`Chromium at ${path}`);
  return problem(
    isCi(env) ? 'error' : 'warning',
    'no Chromium found (only the browser tests and the slides PDF need it)',
    '`sudo apt-get install chromium` on Debian/Ubuntu, or set CHROMIUM_PATH to a Chrome or Chromium binary',
  );
}

/** The manifest reads, and every lesson has its folder, solution and pristine copies. */
export function lessonsCheck(root: string): Check {
  let lessons;
  try {
    lessons = loadManifest(root).lessons;
  } catch (error) {
    return problem('error', error instanceof Error ? error.message : String(error), 'restore it: `git checkout exercises/manifest.json`');
  }
  const files = lessons.flatMap((lesson) => lessonFiles(root, lesson));
  const deleted = files.filter((f) => f.mine === null).map((f) => f.path);
  if (deleted.length > 0) return problem('error', `lesson files missing: ${deleted.slice(0, 3).join(', ')}`, "`npm run reset -- <lesson>` restores a lesson's files");
  const noPristine = files.filter((f) => f.starter === null).map((f) => f.path);
  if (noPristine.length > 0) {
    return problem('warning', `no pristine copy of ${noPristine.slice(0, 3).join(', ')}: reset cannot restore it`, '`npm ci` makes them (or `npm run starters` while the lessons are untouched)');
  }
  return pass(`${lessons.length} lessons in ${MANIFEST_PATH}`);
}

export function stateCheck(root: string): Check {
  const { replaced } = loadState(root);
  return replaced === null ? pass(`progress file ${STATE_PATH} readable (or not yet written)`) : problem('warning', replaced, 'nothing to do: only the hint counter was lost');
}

/**
 * Whether file events arrive here, for the saves editors make: in place, and atomic
 * (write a temporary file, rename it over the original: vim, JetBrains, `sed -i`), and
 * in place again after that, which is where watch mode used to go silent. On WSL with
 * the repository on a Windows drive (/mnt/c) no events arrive at all. The watcher's
 * slow poll is switched off here, so only the events are tested.
 */
export async function fileWatchCheck(root: string, timeoutMs = 3000): Promise<Check> {
  const fix = 'use polling: `npm run lesson -- <n> --watch --poll`';
  if (/microsoft/i.test(release()) && root.startsWith('/mnt/')) {
    return problem('warning', 'the repository is on a Windows drive under WSL: file events will not arrive', `${fix}, or clone into your Linux home folder`);
  }
  const dir = join(root, '.outage-lab', 'watch-probe');
  const probe = join(dir, 'probe.ts');
  mkdirSync(dir, { recursive: true });
  writeFileSync(probe, 'export const saved = 0;\n');
  let reported: () => void = () => undefined;
  const watcher = watchFolder(dir, () => reported(), { poll: false, settleMs: 50, intervalMs: 24 * 3_600_000 });
  const save = (write: () => void): Promise<boolean> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      reported = () => {
        clearTimeout(timer);
        resolve(true);
      };
      write();
    });
  const saves: [string, () => void][] = [
    ['an in-place save', () => writeFileSync(probe, 'export const saved = 1;\n')],
    ['a rename-style save (vim, JetBrains)', () => {
      writeFileSync(`${probe}.tmp`, 'export const saved = 2;\n');
      renameSync(`${probe}.tmp`, probe);
    }],
    ['an in-place save after a rename-style one', () => writeFileSync(probe, 'export const saved = 3;\n')],
  ];
  try {
    if (watcher.mode === 'poll') return problem('warning', 'file watching cannot start here', fix);
    for (const [kind, write] of saves) {
      if (!(await save(write))) return problem('warning', `file events do not report ${kind} here`, fix);
    }
    return pass('file watching works (in-place and rename-style saves)');
  } catch {
    return problem('warning', 'file watching cannot start here', fix);
  } finally {
    watcher.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
