import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { STATE_PATH } from '../src/state.ts';
import { cli, removeRepo, tempRepo } from './support/temp-repo.ts';

describe('npm run hint', () => {
  const root = tempRepo();
  afterAll(() => removeRepo(root));
  const state = (): unknown => JSON.parse(readFileSync(join(root, STATE_PATH), 'utf8'));

  it('shows the next hint not yet shown, one at a time, and remembers it', async () => {
    const first = await cli(root, ['hint', '01']);
    expect(first.code).toBe(0);
    expect(first.out).toContain('Hint 1 of 3 · Lesson 01 · Fresh plans only');
    expect(first.out).toContain('Fixture hint one');
    expect(first.out, 'a first hint must not give away the second').not.toContain('Fixture hint two');
    expect(state()).toEqual({ version: 1, hintsShown: { '01': 1 } });

    const second = await cli(root, ['hint', '1']);
    expect(second.out).toContain('Hint 2 of 3');
    expect(second.out).toContain('Fixture hint two');
    expect(second.out).not.toContain('Fixture hint one');
  });

  it('after the last hint, repeats it and points at the diff', async () => {
    await cli(root, ['hint', '02']);
    await cli(root, ['hint', '02']);
    const third = await cli(root, ['hint', '02']);
    expect(third.out).toContain('Hint 3 of 3');
    expect(third.out).toContain('npm run diff -- 02');
    const again = await cli(root, ['hint', 'keep-the-active-plan']);
    expect(again.out).toContain('Fixture hint three');
    expect(again.out).toContain('last hint again');
  });

  it('shows all of them with --all', async () => {
    const all = await cli(root, ['hint', '01', '--all']);
    for (const n of ['one', 'two', 'three']) expect(all.out).toContain(`Fixture hint ${n}`);
    expect((state() as { hintsShown: Record<string, number> }).hintsShown['01']).toBe(3);
  });

  it('recreates a damaged state file, says so, and carries on', async () => {
    mkdirSync(join(root, '.outage-lab'), { recursive: true });
    writeFileSync(join(root, STATE_PATH), '{"version": 1, "hintsShown": {"01": "lots"');
    const result = await cli(root, ['hint', '01']);
    expect(result.code).toBe(0);
    expect(result.err).toMatch(/state\.json was damaged .*started a fresh one/);
    expect(result.out).toContain('Hint 1 of 3');
    expect(state()).toEqual({ version: 1, hintsShown: { '01': 1 } });
  });

  it('treats a state file of the wrong shape as damaged', async () => {
    writeFileSync(join(root, STATE_PATH), JSON.stringify({ version: 1, hintsShown: { '01': -2 } }));
    const result = await cli(root, ['hint', '01']);
    expect(result.code).toBe(0);
    expect(result.err).toMatch(/hintsShown\.01 is not a count/);
  });
});
