import { copyFileSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeRepo, spawnCli, tempRepo } from './support/temp-repo.ts';
import { follow } from './support/wait.ts';

/**
 * `npm run lesson -- NN --watch`, in a child process as a learner starts it (Ctrl-C is part
 * of what is tested). Apart from lesson.test.ts, with a repository of its own, so the two
 * files' waits on Vitest overlap.
 */
const CLEAR = '\x1b[2J';
const VERDICT = /^Lesson 01: .*$/gm;
const RUN_START = /^running…$/gm;
// A second run for one save would start one settle time (200 ms) after the stray event that
// caused it; the stray events of a save arrive within milliseconds, so twice that is enough.
const QUIET_MS = 400;

describe('npm run lesson -- --watch', () => {
  const root = tempRepo();
  afterAll(() => removeRepo(root));
  const freshness = join(root, 'exercises/01-fresh-plans/src/freshness.ts');
  const starter = readFileSync(freshness, 'utf8');
  const solution = readFileSync(join(root, 'solutions/01-fresh-plans/src/freshness.ts'), 'utf8');

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
  }, 120_000);

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
  }, 120_000);
});
