import { spawn } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captured, removeRepo, tempRepo, type Captured } from './support/temp-repo.ts';

/** `npm run verify` as CI and instructors start it, in the temporary repository. */
function verify(root: string): Promise<Captured> {
  return captured(
    spawn(process.execPath, ['--import', 'tsx', join(root, 'packages', 'course', 'src', 'verify', 'cli.ts')], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, VITEST: undefined, VITEST_POOL_ID: undefined, VITEST_WORKER_ID: undefined },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
}

const SOLVED = [
  ['01-fresh-plans', 'src/freshness.ts'],
  ['02-keep-the-active-plan', 'src/cleanup.ts'],
  ['02-keep-the-active-plan', 'src/cutoff.ts'],
] as const;

/**
 * The whole matrix on every tree, five Vitest start-ups: the long suite's. The fast suite
 * (verify.test.ts) checks the same choice of files in process and runs verify once.
 *
 * The instructors' check judges the pristine starters, never the learner's files: it
 * must hold on every tree a learner can have. (It used to call a solved lesson's starter
 * "green: the lesson teaches nothing", so `npm test` failed for everyone who finished.)
 * Each run starts Vitest for four projects, so each step has a budget of its own.
 */
describe('npm run verify on the trees a learner can have', { timeout: 300_000 }, () => {
  const root = tempRepo();
  afterAll(() => removeRepo(root));
  const holds = (result: Captured): void => {
    expect(result.code, `${result.out}\n${result.err}`).toBe(0);
    expect(result.out).toContain('verify: 12 of 12 red/green checks hold (5 solution tests pass)');
  };

  it('holds on a fresh clone', async () => {
    holds(await verify(root));
  });

  it('holds with one lesson solved and the other half done', async () => {
    copyFileSync(join(root, 'solutions/01-fresh-plans/src/freshness.ts'), join(root, 'exercises/01-fresh-plans/src/freshness.ts'));
    writeFileSync(join(root, 'exercises/02-keep-the-active-plan/src/cutoff.ts'), 'export const broken: string = 1;\n');
    const result = await verify(root);
    holds(result);
    expect(result.out, 'and says what it judged').toContain('2 lesson files differ from the pristine starters; verify judges the pristine copies');
  });

  it('holds with every lesson solved', async () => {
    for (const [lesson, file] of SOLVED) copyFileSync(join(root, 'solutions', lesson, file), join(root, 'exercises', lesson, file));
    holds(await verify(root));
  });

  it('still fails a starter that is wrong: the pristine copy is what it judges', async () => {
    const pristine = join(root, '.outage-lab/starters/01-fresh-plans/src/freshness.ts');
    const original = readFileSync(pristine, 'utf8');
    copyFileSync(join(root, 'solutions/01-fresh-plans/src/freshness.ts'), pristine);
    try {
      const result = await verify(root);
      expect(result.code).toBe(1);
      expect(result.out).toContain('all 3 tests pass on the starter: the lesson teaches nothing');
    } finally {
      writeFileSync(pristine, original);
    }
  });

  it('takes a missing pristine copy from git, never from the working file', async () => {
    rmSync(join(root, '.outage-lab/starters/01-fresh-plans'), { recursive: true });
    const result = await verify(root);
    expect(result.code, 'no git here, and the working file is solved: it refuses rather than judge it').toBe(2);
    expect(result.err).toContain('no pristine copy of exercises/01-fresh-plans/src/freshness.ts, and git has none');
  });
});
