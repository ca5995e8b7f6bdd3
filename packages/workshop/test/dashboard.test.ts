import { appendFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, removeRepo, runCli, tempRepo } from './support/temp-repo.ts';

const visible = (line: string): number => [...line].length;

// Each test starts Vitest up to three times, a few seconds each when quiet; a 2-core laptop
// under heavy load has taken far longer for one start of even this two-lesson workshop.
describe('npm start, the dashboard', { timeout: 120_000 }, () => {
  const root = tempRepo();
  afterAll(() => removeRepo(root));

  // The one run as a learner starts it, for the real exit code and streams; the rest run in process.
  it('shows each lesson not started, the next lesson with its README and file, the commands, and the progress bar last', async () => {
    const result = await runCli(root, ['start']);
    expect(result.code, result.err).toBe(0);
    const lines = result.out.trimEnd().split('\n');
    expect(lines[0], 'the Node check comes before the tests run').toMatch(/^✓ Node \d+\.\d+\.\d+ /);
    expect(lines[1]).toBe('Checking all 2 lessons…');
    expect(result.out, 'progress while the lessons run').toMatch(/checked 0[12] .* \(1 of 2\)\n.*checked 0[12] .* \(2 of 2\)/);
    expect(result.out).toMatch(/▸ 01 Fresh plans only +░{10} {2}not started/);
    expect(result.out).toMatch(/ {3}02 Clean-up keeps the active plan +░{10} {2}not started/);
    expect(result.out).toContain('Next: Lesson 01 · Fresh plans only');
    expect(result.out).toContain('Read  exercises/01-fresh-plans/README.md');
    expect(result.out).toContain('Edit  exercises/01-fresh-plans/src/freshness.ts');
    expect(result.out, "the README's task, quoted").toContain('Edit `src/freshness.ts` so that an Enactor applies a plan only when it is');
    for (const command of ['npm run lesson -- 01 --watch', 'npm run hint -- 01', 'npm run diff -- 01', 'npm run reset -- 01', 'npm run ui', 'npm run doctor']) {
      expect(result.out).toContain(command);
    }
    expect(lines.at(-1), 'pinned at the bottom').toMatch(/^Progress ░+ 0\/2 lessons · 5\/7 steps$/);
    expect(result.out, 'why the count starts above zero').toContain('Some steps pass before you start');
    expect(lines.filter((l) => visible(l) > 80), 'fits an 80-column terminal').toEqual([]);
  });

  it('after the learner copies a solution in: lesson done, its notes offered, the next lesson up, the bar moved', async () => {
    for (const file of ['src/freshness.ts']) copyFileSync(join(root, 'solutions/01-fresh-plans', file), join(root, 'exercises/01-fresh-plans', file));
    appendFileSync(join(root, 'exercises/02-keep-the-active-plan/src/cutoff.ts'), '// started\n');
    const result = await cli(root, ['start']);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toMatch(/✓ 01 Fresh plans only +█{10} {2}done/);
    expect(result.out.replace(/\s+/g, ' ')).toMatch(/▸ 02 Clean-up keeps the active plan █{7}░{3} 2\/3 passing first failing: step 1: clean-up spares the plan the regional endpoint points at/);
    expect(result.out).toContain('01 solutions/01-fresh-plans/NOTES.md');
    expect(result.out).toContain('Next: Lesson 02 · Clean-up keeps the active plan');
    expect(result.out).toContain('Edit  exercises/02-keep-the-active-plan/src/cleanup.ts');
    expect(result.out.trimEnd().split('\n').at(-1)).toMatch(/^Progress █+░+ 1\/2 lessons · 6\/7 steps$/);
    expect(result.out, 'lesson 01 changed, and lesson 02 too').toContain('Checking all 2 lessons…');
  });

  it('reads unchanged lessons from its cache, and runs again only the one that changed', async () => {
    const before = await cli(root, ['start']);
    const again = await cli(root, ['start']);
    expect(again.out.split('\n')[1]).toBe('Nothing changed since the last check: these are its results.');
    expect(again.out, 'no lesson ran').not.toContain('checked');
    const dashboard = (out: string): string => out.slice(out.indexOf('Outage Lab ·'));
    expect(dashboard(again.out), 'the same dashboard').toBe(dashboard(before.out));
    appendFileSync(join(root, 'exercises/02-keep-the-active-plan/src/cleanup.ts'), '// still working\n');
    const changed = await cli(root, ['start']);
    expect(changed.out.split('\n')[1]).toBe('Checking 1 changed lesson…');
    expect(changed.out).toContain('checked 02 Clean-up keeps the active plan (1 of 1)');
    expect(changed.out).not.toContain('checked 01');
  });
});
