import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { STATE_PATH } from '../src/state.ts';
import { cli, removeRepo, tempRepo } from './support/temp-repo.ts';

const LESSON_FILE = 'exercises/01-fresh-plans/src/freshness.ts';
const PRISTINE = '.outage-lab/starters/01-fresh-plans/src/freshness.ts';

describe('reset keeps the learner’s bytes and trusts only a checked pristine copy', () => {
  const root = tempRepo();
  afterAll(() => removeRepo(root));

  it('backs up a file that is not UTF-8 byte for byte', async () => {
    const bytes = Buffer.from([0x65, 0x78, 0xe9, 0xff, 0xfe, 0x0a]);
    writeFileSync(join(root, LESSON_FILE), bytes);
    const result = await cli(root, ['reset', '01']);
    expect(result.code, result.err).toBe(0);
    const backup = /kept in (\S+)\//.exec(result.out)?.[1] ?? '';
    expect(readFileSync(join(root, backup, 'src/freshness.ts')).equals(bytes)).toBe(true);
    expect(readFileSync(join(root, LESSON_FILE)).equals(readFileSync(join(root, PRISTINE)))).toBe(true);
  });

  it('refuses an emptied pristine copy, changing nothing', async () => {
    const mine = 'export const mine = 1;\n';
    writeFileSync(join(root, LESSON_FILE), mine);
    writeFileSync(join(root, PRISTINE), '');
    const result = await cli(root, ['reset', '01']);
    expect(result.code).toBe(2);
    expect(result.err.split('\n')).toHaveLength(1);
    expect(result.err).toMatch(/reset: the pristine copy \.outage-lab\/starters\/01-fresh-plans\/src\/freshness\.ts is damaged .*nothing was changed/);
    expect(readFileSync(join(root, LESSON_FILE), 'utf8')).toBe(mine);
  });

  it('refuses a pristine copy with no recorded hash', async () => {
    const copy = join(root, '.outage-lab/starters/02-keep-the-active-plan/src/cutoff.ts');
    writeFileSync(join(root, 'exercises/02-keep-the-active-plan/src/cutoff.ts'), '// mine\n');
    writeFileSync(`${copy}.sha256`, 'not a hash\n');
    const result = await cli(root, ['reset', '02']);
    expect(result.code).toBe(2);
    expect(readFileSync(join(root, 'exercises/02-keep-the-active-plan/src/cutoff.ts'), 'utf8')).toBe('// mine\n');
  });
});

describe('a damaged state file', () => {
  const root = tempRepo();
  afterAll(() => removeRepo(root));
  const leftovers = (): string[] => readdirSync(join(root, '.outage-lab')).filter((f) => f.endsWith('.tmp'));

  it('hint: a folder where state.json belongs is moved aside, the hint is remembered, no temporary file stays', async () => {
    mkdirSync(join(root, STATE_PATH, 'inner'), { recursive: true });
    writeFileSync(join(root, STATE_PATH, 'inner', 'keep.txt'), 'keep');
    const result = await cli(root, ['hint', '01']);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain('Hint 1 of 3');
    expect(result.err).toMatch(/state\.json was damaged \(it is a folder, not a file\); kept it as \.outage-lab\/state\.json\.damaged and started a fresh one/);
    expect(JSON.parse(readFileSync(join(root, STATE_PATH), 'utf8'))).toEqual({ version: 1, hintsShown: { '01': 1 } });
    expect(readFileSync(join(root, `${STATE_PATH}.damaged`, 'inner', 'keep.txt'), 'utf8'), 'nothing of the learner’s is lost').toBe('keep');
    expect(leftovers()).toEqual([]);
  });

  it('doctor: "started a fresh one" is true, and the damaged bytes are kept', async () => {
    writeFileSync(join(root, STATE_PATH), '{"version": 1,');
    const result = await cli(root, ['doctor']);
    expect(result.out).toMatch(/state\.json was damaged .*started a fresh one/);
    expect(JSON.parse(readFileSync(join(root, STATE_PATH), 'utf8'))).toEqual({ version: 1, hintsShown: {} });
    expect(readFileSync(join(root, `${STATE_PATH}.damaged-2`), 'utf8')).toBe('{"version": 1,');
  });

  it('start: notes the damaged file', async () => {
    writeFileSync(join(root, STATE_PATH), 'garbage');
    const result = await cli(root, ['start']);
    expect(result.code, result.err).toBe(0);
    expect(result.err).toMatch(/state\.json was damaged .*started a fresh one/);
    expect(statSync(join(root, STATE_PATH)).isFile()).toBe(true);
    expect(existsSync(join(root, `${STATE_PATH}.damaged-3`))).toBe(true);
    // It starts Vitest for both lessons: a few seconds quiet, far more on a busy 2-core laptop.
  }, 120_000);
});
