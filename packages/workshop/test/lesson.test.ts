import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeRepo, runCli, spawnCli, tempRepo } from './support/temp-repo.ts';
import { follow } from './support/wait.ts';

const CLEAR = '\x1b[2J';

describe('npm run lesson', () => {
  const root = tempRepo();
  afterAll(() => removeRepo(root));

  it("runs only that lesson's tests, tells the first failure's story and ends with the verdict", async () => {
    const result = await runCli(root, ['lesson', '1']);
    expect(result.code, 'a lesson with failing steps exits 1').toBe(1);
    expect(result.out).toContain('✓ step 1: an Enactor applies a newer plan');
    expect(result.out).toContain('✗ step 2: an Enactor refuses a plan older than the active one');
    expect(result.out).toContain('Enactor A wrote plan 110 over plan 145: the endpoint went back in time');
    expect(result.out, "no other lesson's tests").not.toContain('clean-up');
    expect(result.out.trimEnd().split('\n').at(-1)).toBe('Lesson 01: 2/3, next failing step: step 2: an Enactor refuses a plan older than…');
  });

  it('re-runs on save by polling, clearing the screen, down to "done", and stops on Ctrl-C', async () => {
    const child = follow(spawnCli(root, ['lesson', '02', '--watch', '--poll']));
    try {
      await child.until(/Lesson 02: 1\/2, next failing step: step 1: clean-up spares the plan/);
      expect(child.out).toContain('Watching exercises/02-keep-the-active-plan by polling');
      const mark = child.out.length;
      writeFileSync(join(root, 'exercises/02-keep-the-active-plan/src/cleanup.ts'), 'export const plansToDelete = (;\n');
      await child.until(/Lesson 02: your code does not load: .* at src\/cleanup\.ts:1:\d+/, mark);
      const broken = child.out.length;
      for (const file of ['src/cleanup.ts', 'src/cutoff.ts']) copyFileSync(join(root, 'solutions/02-keep-the-active-plan', file), join(root, 'exercises/02-keep-the-active-plan', file));
      await child.until(/Lesson 02: 2\/2, done!/, broken);
      expect(child.out.slice(broken), 'each run starts on a cleared screen').toContain(CLEAR);
      expect(child.out.slice(broken)).toContain('solutions/02-keep-the-active-plan/NOTES.md');
    } finally {
      child.kill('SIGINT');
    }
    expect(await child.ended).toBe(0);
  });

  it('re-runs on save with file events too', async () => {
    const child = follow(spawnCli(root, ['lesson', '01', '--watch']));
    try {
      await child.until(/Lesson 01: 2\/3/);
      expect(child.out).toContain('Saving does nothing? Add --poll.');
      copyFileSync(join(root, 'solutions/01-fresh-plans/src/freshness.ts'), join(root, 'exercises/01-fresh-plans/src/freshness.ts'));
      await child.until(/Lesson 01: 3\/3, done!/);
    } finally {
      child.kill('SIGINT');
    }
    expect(await child.ended).toBe(0);
  });
});
