import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadManifest } from '../src/manifest.ts';
import { starters } from '../src/starters/cli.ts';
import { snapshotStarters, staleStarters } from '../src/starters/pristine.ts';

/** A repository with one two-file lesson: all the starters command reads. */
function tempCourse(): string {
  const root = mkdtempSync(join(tmpdir(), 'outage-lab-starters-'));
  const lesson = { id: '01', slug: 'fresh-plans', title: 'Fresh plans', folder: 'exercises/01-fresh-plans', solution: 'solutions/01-fresh-plans', files: ['src/freshness.ts'], hints: 'solutions/01-fresh-plans/HINTS.md', minutes: 10 };
  const file = join(root, lesson.folder, 'src/freshness.ts');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, 'export const fresh = false;\n');
  writeFileSync(join(root, 'exercises/manifest.json'), JSON.stringify({ lessons: [lesson] }));
  return root;
}

function run(root: string, argv: readonly string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = starters(argv, { out: (l) => void out.push(l), err: (l) => void err.push(l) }, root);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('pristine copies of the starters', () => {
  const root = tempCourse();
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("are made at install time and match every lesson's starter", () => {
    expect(staleStarters(root, loadManifest(root))).toEqual(['exercises/01-fresh-plans/src/freshness.ts']);
    expect(snapshotStarters(root, loadManifest(root))).toEqual(['.outage-lab/starters/01-fresh-plans/src/freshness.ts']);
    expect(staleStarters(root, loadManifest(root))).toEqual([]);
  });

  it("are never overwritten by a later install, so a learner's edits never become the starter", () => {
    const starter = join(root, 'exercises/01-fresh-plans/src/freshness.ts');
    const original = readFileSync(starter, 'utf8');
    writeFileSync(starter, `${original}// the learner's work\n`);
    const install = run(root, []);
    expect(install.code).toBe(0);
    expect(install.out).not.toContain('wrote');
    const check = run(root, ['--check']);
    expect(check.code).toBe(1);
    expect(check.out).toContain('exercises/01-fresh-plans/src/freshness.ts: pristine copy missing or different');
  });

  it("are refreshed on the instructors' request", () => {
    const refresh = run(root, ['--refresh']);
    expect(refresh.out).toContain('wrote .outage-lab/starters/01-fresh-plans/src/freshness.ts');
    expect(run(root, ['--check']).code).toBe(0);
  });

  it('refuses an unknown flag with one line and exit code 2', () => {
    const result = run(root, ['--colour']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^starters: unknown option "--colour" \(valid: --check, --refresh, --help\)$/);
  });
});
