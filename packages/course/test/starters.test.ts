import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadManifest } from '../src/manifest.ts';
import { staleStarters } from '../src/starters.ts';
import { cli, removeRepo, tempRepo } from './support/temp-repo.ts';

describe('pristine copies of the starters', () => {
  const root = tempRepo();
  afterAll(() => removeRepo(root));

  it("are made at install time and match every lesson's starter", () => {
    expect(staleStarters(root, loadManifest(root))).toEqual([]);
  });

  it("are never overwritten by a later install, so a learner's edits never become the starter", async () => {
    const starter = join(root, 'exercises/01-fresh-plans/src/freshness.ts');
    const original = readFileSync(starter, 'utf8');
    writeFileSync(starter, `${original}// the learner's work\n`);
    const install = await cli(root, ['starters']);
    expect(install.code).toBe(0);
    expect(install.out).not.toContain('wrote');
    const check = await cli(root, ['starters', '--check']);
    expect(check.code).toBe(1);
    expect(check.out).toContain('exercises/01-fresh-plans/src/freshness.ts: pristine copy missing or different');
  });

  it("are refreshed on the instructors' request", async () => {
    const refresh = await cli(root, ['starters', '--refresh']);
    expect(refresh.out).toContain('wrote .outage-lab/starters/01-fresh-plans/src/freshness.ts');
    expect((await cli(root, ['starters', '--check'])).code).toBe(0);
  });
});
