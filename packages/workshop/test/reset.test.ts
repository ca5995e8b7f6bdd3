import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, removeRepo, tempRepo } from './support/temp-repo.ts';

describe('npm run reset', () => {
  const root = tempRepo();
  afterAll(() => removeRepo(root));
  const lesson = join(root, 'exercises', '02-keep-the-active-plan');
  const read = (path: string): string => readFileSync(path, 'utf8');
  const cutoff = join(lesson, 'src', 'cutoff.ts');
  const cleanup = join(lesson, 'src', 'cleanup.ts');
  const starterCutoff = read(cutoff);
  const starterCleanup = read(cleanup);

  it('restores the starter after keeping the learner\'s files in a timestamped backup, and says where', async () => {
    expect(existsSync(join(root, '.git')), 'reset must work without git history').toBe(false);
    const mine = `${starterCutoff}\n// my half-finished attempt\n`;
    writeFileSync(cutoff, mine);
    const result = await cli(root, ['reset', '02'], {}, new Date(2025, 9, 20, 7, 48, 5));
    expect(result.code).toBe(0);
    expect(read(cutoff), 'the starter is back').toBe(starterCutoff);
    const backup = 'backups/02-keep-the-active-plan/2025-10-20_07-48-05';
    expect(result.out).toContain(`${backup}/`);
    expect(read(join(root, backup, 'src', 'cutoff.ts')), 'the attempt is kept, word for word').toBe(mine);
    expect(existsSync(join(root, backup, 'src', 'cleanup.ts')), 'only changed files are backed up').toBe(false);
  });

  it('never overwrites an earlier backup made in the same second', async () => {
    const when = new Date(2025, 9, 20, 7, 48, 5);
    writeFileSync(cleanup, 'second attempt\n');
    const result = await cli(root, ['reset', '02'], {}, when);
    expect(result.out).toContain('backups/02-keep-the-active-plan/2025-10-20_07-48-05-2/');
    expect(read(join(root, 'backups/02-keep-the-active-plan/2025-10-20_07-48-05-2/src/cleanup.ts'))).toBe('second attempt\n');
    expect(read(join(root, 'backups/02-keep-the-active-plan/2025-10-20_07-48-05/src/cutoff.ts')), 'the first backup is untouched').toContain('my half-finished attempt');
    expect(read(cleanup)).toBe(starterCleanup);
  });

  it('brings back a deleted file', async () => {
    rmSync(cutoff);
    const result = await cli(root, ['reset', '02']);
    expect(result.code).toBe(0);
    expect(read(cutoff)).toBe(starterCutoff);
  });

  it('leaves an untouched lesson alone', async () => {
    const result = await cli(root, ['reset', '01']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('already as it started');
    expect(existsSync(join(root, 'backups', '01-fresh-plans')), 'no empty backup folders').toBe(false);
  });

  it('refuses, changing nothing, when a pristine copy is missing', async () => {
    writeFileSync(cutoff, 'mine\n');
    rmSync(join(root, '.outage-lab/starters/02-keep-the-active-plan/src/cutoff.ts'));
    const result = await cli(root, ['reset', '02']);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/no pristine copy of exercises\/02-keep-the-active-plan\/src\/cutoff\.ts, so nothing was changed/);
    expect(read(cutoff)).toBe('mine\n');
  });
});
