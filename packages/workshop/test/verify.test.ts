import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isBadInput, reportError } from '@outage-lab/cli';
import { loadManifest } from '@outage-lab/course';
// Not part of course's public API: verify's choice of files, reached past the package's exports on purpose.
import { selectStarters } from '@outage-lab/course/verify-selection';
import { captured, removeRepo, tempRepo } from './support/temp-repo.ts';

const FRESHNESS = 'exercises/01-fresh-plans/src/freshness.ts';
const CUTOFF = 'exercises/02-keep-the-active-plan/src/cutoff.ts';

/**
 * The instructors' check judges the pristine starters, never the learner's files: it
 * must hold on every tree a learner can have. (It used to call a solved lesson's starter
 * "green: the lesson teaches nothing", so `npm test` failed for everyone who finished.)
 * Here the choice of files is checked in process; verify.long.test.ts runs the whole
 * matrix on each tree.
 */
describe('what npm run verify judges, on the trees a learner can have', () => {
  const root = tempRepo();
  afterAll(() => removeRepo(root));
  const manifest = loadManifest(root);
  const starters = new Map([FRESHNESS, CUTOFF].map((path) => [path, readFileSync(join(root, path), 'utf8')]));
  /** The content each working file is judged by, keyed by its repository path. */
  const judged = (): Map<string, string> =>
    new Map([...selectStarters(root, manifest).substitutes].map(([working, pristine]) => [working.slice(root.length + 1), readFileSync(pristine, 'utf8')]));
  const solve = (path: string): void => copyFileSync(join(root, path.replace(/^exercises/, 'solutions')), join(root, path));

  it('a fresh clone: every lesson file, judged by its pristine copy, and no note', () => {
    expect([...judged().keys()].sort()).toEqual([FRESHNESS, 'exercises/02-keep-the-active-plan/src/cleanup.ts', CUTOFF].sort());
    expect(judged().get(FRESHNESS)).toBe(starters.get(FRESHNESS));
    expect(selectStarters(root, manifest).note).toBeNull();
  });

  it('one lesson solved and the other half done: still the starters, and a note of what differs', () => {
    solve(FRESHNESS);
    writeFileSync(join(root, CUTOFF), 'export const broken: string = 1;\n');
    expect(judged().get(FRESHNESS), 'not the solved working file').toBe(starters.get(FRESHNESS));
    expect(judged().get(CUTOFF), 'not the broken working file').toBe(starters.get(CUTOFF));
    expect(selectStarters(root, manifest).note).toMatch(/^2 lesson files differ from the pristine starters; verify judges the pristine copies/);
  });

  it('a pristine copy that is wrong is what it judges (so verify fails it)', () => {
    const pristine = join(root, '.outage-lab/starters/01-fresh-plans/src/freshness.ts');
    const original = readFileSync(pristine, 'utf8');
    writeFileSync(join(root, FRESHNESS), original);
    copyFileSync(join(root, 'solutions/01-fresh-plans/src/freshness.ts'), pristine);
    try {
      expect(judged().get(FRESHNESS)).toBe(readFileSync(join(root, 'solutions/01-fresh-plans/src/freshness.ts'), 'utf8'));
    } finally {
      writeFileSync(pristine, original);
    }
  });

  it('takes a missing pristine copy from git, never from the working file: without git it refuses, exit 2', () => {
    rmSync(join(root, '.outage-lab/starters/01-fresh-plans'), { recursive: true });
    let refusal: unknown = null;
    try {
      selectStarters(root, manifest);
    } catch (error) {
      refusal = error;
    }
    expect(isBadInput(refusal), 'one line and exit 2, not a failed check').toBe(true);
    const err: string[] = [];
    expect(reportError('verify', refusal, (line) => void err.push(line), {})).toBe(2);
    expect(err.join('\n')).toContain(`no pristine copy of ${FRESHNESS}, and git has none`);
    expect(existsSync(join(root, '.outage-lab/starters/01-fresh-plans/src/freshness.ts')), 'the solved working file was not taken as the starter').toBe(false);
  });
});

// One real run: Vitest for four projects and TypeScript, about five seconds quiet; four
// times that on a busy 2-core laptop, with room to spare.
describe('npm run verify, run once as CI and instructors start it', { timeout: 120_000 }, () => {
  const root = tempRepo();
  afterAll(() => removeRepo(root));

  it('holds with one lesson solved and the other half done, and says what it judged', async () => {
    copyFileSync(join(root, 'solutions/01-fresh-plans/src/freshness.ts'), join(root, FRESHNESS));
    writeFileSync(join(root, CUTOFF), 'export const broken: string = 1;\n');
    const result = await captured(
      spawn(process.execPath, ['--import', 'tsx', join(root, 'packages', 'course', 'src', 'verify', 'cli.ts')], {
        cwd: root,
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, VITEST: undefined, VITEST_POOL_ID: undefined, VITEST_WORKER_ID: undefined },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    expect(result.code, `${result.out}\n${result.err}`).toBe(0);
    expect(result.out).toContain('2 lesson files differ from the pristine starters; verify judges the pristine copies');
    expect(result.out.trimEnd().split('\n').at(-1)).toBe('verify: 12 of 12 red/green checks hold (5 solution tests pass)');
  });
});
