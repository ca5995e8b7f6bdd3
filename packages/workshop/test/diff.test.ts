import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, removeRepo, tempRepo } from './support/temp-repo.ts';

describe('npm run diff', () => {
  const root = tempRepo();
  afterAll(() => removeRepo(root));

  it('warns in one line that it shows the answer, then diffs an untouched lesson against the solution', async () => {
    const result = await cli(root, ['diff', '01']);
    expect(result.code).toBe(0);
    const lines = result.out.split('\n');
    expect(lines[0]).toBe('This shows the answer to lesson 01. Hints first? npm run hint -- 01');
    expect(result.out).toContain('--- exercises/01-fresh-plans/src/freshness.ts\tyours');
    expect(result.out).toContain('+++ solutions/01-fresh-plans/src/freshness.ts\tsolution');
    expect(result.out).toMatch(/^@@ -\d+,\d+ \+\d+,\d+ @@$/m);
    expect(lines, "the solution's line is added").toContain('+  return active === null || generation > active;');
    expect(lines, "the starter's placeholder is removed").toContain('-  return true;');
  });

  it('diffs every file of a lesson', async () => {
    const result = await cli(root, ['diff', '02']);
    expect(result.out).toContain('+++ solutions/02-keep-the-active-plan/src/cleanup.ts');
    expect(result.out).toContain('+++ solutions/02-keep-the-active-plan/src/cutoff.ts');
  });

  it('says the files match once the learner has the solution', async () => {
    const file = 'src/freshness.ts';
    copyFileSync(join(root, 'solutions/01-fresh-plans', file), join(root, 'exercises/01-fresh-plans', file));
    const result = await cli(root, ['diff', '01']);
    expect(result.out).not.toContain('@@');
    expect(result.out).toContain('Your file matches the solution.');
    expect(readFileSync(join(root, 'exercises/01-fresh-plans', file), 'utf8'), 'diff changes nothing').toContain('generation > active');
  });
});
