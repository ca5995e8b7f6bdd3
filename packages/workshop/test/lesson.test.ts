import { copyFileSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { cli, removeRepo, runCli, spawnCli, tempRepo } from './support/temp-repo.ts';
import { follow } from './support/wait.ts';

const CLEAR = '\x1b[2J';
const VERDICT = /^Lesson 01: .*$/gm;
const RUN_START = /^running…$/gm;
// A second run for one save would start one settle time (200 ms) after the stray event that
// caused it; the stray events of a save arrive within milliseconds, so twice that is enough.
const QUIET_MS = 400;
// One lesson run: Vitest's start-up and TypeScript beside it, about three seconds quiet.
const LESSON_RUN_BUDGET_MS = 30_000;

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
  }, 60_000);

  it('re-runs on save by polling, clearing the screen, down to "done", and stops on Ctrl-C', async () => {
    const child = follow(spawnCli(root, ['lesson', '02', '--watch', '--poll']));
    try {
      await child.until(/Lesson 02: 2\/3, next failing step: step 1: clean-up spares the plan/);
      expect(child.out).toContain('Watching exercises/02-keep-the-active-plan by polling');
      const mark = child.out.length;
      writeFileSync(join(root, 'exercises/02-keep-the-active-plan/src/cleanup.ts'), 'export const plansToDelete = (;\n');
      await child.until(/Lesson 02: your code does not load: .* at src\/cleanup\.ts:1:\d+/, mark);
      const broken = child.out.length;
      for (const file of ['src/cleanup.ts', 'src/cutoff.ts']) copyFileSync(join(root, 'solutions/02-keep-the-active-plan', file), join(root, 'exercises/02-keep-the-active-plan', file));
      await child.until(/Lesson 02: 3\/3, done!/, broken);
      expect(child.out.slice(broken), 'each run starts on a cleared screen').toContain(CLEAR);
      expect(child.out.slice(broken)).toContain('solutions/02-keep-the-active-plan/NOTES.md');
    } finally {
      child.kill('SIGINT');
    }
    expect(await child.ended).toBe(0);
    // Three runs in one watching process, and Ctrl-C: about six seconds quiet.
  }, 40_000);

  it('gives one verdict per settled save with file events, however the editor saves', async () => {
    const child = follow(spawnCli(root, ['lesson', '01', '--watch']));
    const verdicts = (): string[] => child.out.match(VERDICT) ?? [];
    /** Saves, waits for the verdict, then a quiet while: no second run may start for the same save. */
    const save = async (write: () => void | Promise<void>, expected: RegExp): Promise<void> => {
      const before = verdicts().length;
      const mark = child.out.length;
      await write();
      await child.until(VERDICT, mark);
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
      expect(child.out.slice(mark).match(RUN_START), 'one run for one save').toHaveLength(1);
      expect(verdicts().slice(before), `one verdict for one save`).toHaveLength(1);
      expect(verdicts().at(-1)).toMatch(expected);
    };
    const atomic = (content: string) => () => {
      writeFileSync(`${freshness}.tmp`, content);
      renameSync(`${freshness}.tmp`, freshness);
    };
    try {
      await child.until(/Lesson 01: 3\/4/);
      expect(child.out).toContain('Saving does nothing? Add --poll.');
      await save(() => writeFileSync(freshness, solution), /4\/4, done!/);
      await save(atomic(starter), /3\/4, next failing step: step 2/);
      await save(atomic(solution), /4\/4, done!/);
      await save(() => writeFileSync(freshness, starter), /3\/4/);
      await save(() => {
        unlinkSync(freshness);
        writeFileSync(freshness, solution);
      }, /4\/4, done!/);
      await save(() => writeFileSync(freshness, `${solution}export const wrong: string = isFresh(1, null);\n`), /not done: a type error at src\/freshness\.ts:5/);
      // Ten saves 50 ms apart (format-on-save, auto-save): one run, on the last content.
      // The gaps are spun rather than slept, so a busy machine cannot stretch them.
      await save(() => {
        for (let n = 0; n < 10; n++) {
          const content = n === 9 ? starter : `${n % 2 === 0 ? solution : starter}// save ${n}\n`;
          (n % 2 === 0 ? atomic(content) : () => writeFileSync(freshness, content))();
          for (const until = performance.now() + 50; performance.now() < until; );
        }
      }, /3\/4, next failing step: step 2/);
    } finally {
      child.kill('SIGINT');
      writeFileSync(freshness, starter);
    }
    expect(await child.ended).toBe(0);
    // Seven saves, each a run of the lesson in one watching process: about ten seconds quiet.
  }, 60_000);
});
