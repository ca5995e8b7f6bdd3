import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { cli, removeRepo, runCli, tempRepo } from './support/temp-repo.ts';

// One lesson run: Vitest's start-up and TypeScript beside it, about three seconds quiet.
const LESSON_RUN_BUDGET_MS = 120_000;

describe('npm run lesson', () => {
  const root = tempRepo();
  afterAll(() => removeRepo(root));
  const freshness = join(root, 'exercises/01-fresh-plans/src/freshness.ts');
  const starter = readFileSync(freshness, 'utf8');
  const solution = readFileSync(join(root, 'solutions/01-fresh-plans/src/freshness.ts'), 'utf8');

  it("runs only that lesson's tests, step 0 first, tells the first failure's story and ends with the verdict", async () => {
    const result = await cli(root, ['lesson', '1']);
    expect(result.code, 'a lesson with failing steps exits 1').toBe(1);
    expect(result.out).toContain('✓ step 0: your files type-check');
    expect(result.out).toContain('✓ step 1: an Enactor applies a newer plan');
    expect(result.out).toContain('✗ step 2: an Enactor refuses a plan older than the active one');
    expect(result.out).toContain('Enactor A wrote plan 110 over plan 145: the endpoint went back in time');
    expect(result.out, "no other lesson's tests").not.toContain('clean-up');
    expect(result.out.trimEnd().split('\n').at(-1)).toBe('Lesson 01: 3/4, next failing step: step 2: an Enactor refuses a plan older than…');
  }, LESSON_RUN_BUDGET_MS);

  it('shows a type error in the learner\'s file as a red step 0 with file:line, and the lesson is not done', async () => {
    writeFileSync(freshness, `${solution}export const wrong: string = isFresh(1, null);\n`);
    try {
      const result = await cli(root, ['lesson', '01']);
      expect(result.code, 'every test passes, yet the lesson is not done').toBe(1);
      expect(result.out).toContain('✗ step 0: your files type-check');
      expect(result.out).toContain("exercises/01-fresh-plans/src/freshness.ts:5: TS2322: Type 'boolean' is not assignable to type 'string'.");
      expect(result.out.trimEnd().split('\n').at(-1)).toBe('Lesson 01: 3/4, not done: a type error at src/freshness.ts:5');
    } finally {
      writeFileSync(freshness, starter);
    }
  }, LESSON_RUN_BUDGET_MS);

  // A busy loop longer than the step budget; both short, since the budget is what is under test, not its size.
  const fast = { OUTAGE_LAB_STEP_BUDGET_MS: '1000' };

  it('says a step that ran out of time may only need running again', async () => {
    writeFileSync(freshness, 'export function isFresh(): boolean {\n  for (const until = Date.now() + 1500; Date.now() < until; );\n  return true;\n}\n');
    // The projects read the budget from the environment when Vitest loads the config, in this process.
    vi.stubEnv('OUTAGE_LAB_STEP_BUDGET_MS', fast.OUTAGE_LAB_STEP_BUDGET_MS);
    try {
      const timedOut = await cli(root, ['lesson', '01'], fast);
      expect(timedOut.out).toContain('This step took too long (more than its 1 s budget), so it was stopped. Your machine may be busy');
      expect(timedOut.out).not.toContain('Test timed out in');
      expect(timedOut.out.trimEnd().split('\n').at(-1)).toBe('Lesson 01: 1/4, step 1 took too long (busy machine?): run it again');
    } finally {
      vi.unstubAllEnvs();
      writeFileSync(freshness, starter);
    }
  }, LESSON_RUN_BUDGET_MS);

  // A looping step leaves a worker thread spinning that only the end of the process stops:
  // this one runs as its own process, and also checks the exit code.
  it('names a step that loops forever, and ends', async () => {
    writeFileSync(freshness, 'export function isFresh(): boolean {\n  for (;;);\n}\n');
    try {
      const looping = await runCli(root, ['lesson', '01'], { ...fast, OUTAGE_LAB_LOOP_GRACE_MS: '1000' });
      expect(looping.code, 'it ends, rather than hang with the loop').toBe(1);
      expect(looping.out).toContain('This step never finished: it was still running after');
      expect(looping.out.trimEnd().split('\n').at(-1)).toBe('Lesson 01: 1/4, step 1 never finished: your code is probably looping');
    } finally {
      writeFileSync(freshness, starter);
    }
    // The watchdog waits out the 1 s budget and a 1 s grace (10 s for learners) before it names the loop.
  }, 120_000);
});
