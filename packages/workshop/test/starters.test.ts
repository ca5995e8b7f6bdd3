import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadManifest, REPO_ROOT } from '../src/manifest.ts';
import { staleStarters } from '../src/starters.ts';
import { cli, removeRepo, tempRepo } from './support/temp-repo.ts';

describe('pristine copies of the starters', () => {
  const root = tempRepo();
  afterAll(() => removeRepo(root));

  it("match every lesson's starter in this repository, so reset restores the real starter", () => {
    expect(staleStarters(REPO_ROOT, loadManifest()), 'run `npm run starters -w @outage-lab/workshop` and commit packages/workshop/starters').toEqual([]);
  });

  it('are refreshed by the instructors\' command and checked by --check', async () => {
    const starter = join(root, 'exercises/01-fresh-plans/src/freshness.ts');
    writeFileSync(starter, `${readFileSync(starter, 'utf8')}// a new TODO for the lesson\n`);
    const check = await cli(root, ['starters', '--check']);
    expect(check.code).toBe(1);
    expect(check.out).toContain('exercises/01-fresh-plans/src/freshness.ts: pristine copy missing or different');
    const refresh = await cli(root, ['starters']);
    expect(refresh.out).toContain('wrote packages/workshop/starters/01-fresh-plans/src/freshness.ts');
    expect((await cli(root, ['starters', '--check'])).code).toBe(0);
  });
});
