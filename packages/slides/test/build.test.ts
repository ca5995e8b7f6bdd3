import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDecks, listDecks, writeDeck, writeIndex, type DeckResult } from '../src/build.ts';
import { DECKS_DIR, MANIFEST } from './support/decks.ts';
import { FIXTURES, fakeDiagrams } from './support/render.ts';

const EXPECTED = [
  '00-outage-and-architecture',
  '01-reproduce-the-race',
  '02-generation-checks',
  '03-nlb-velocity-control',
  '04-ec2-throttling',
  '05-cascade',
  '06-wrap-up',
];

describe('the workshop decks', () => {
  const results = buildDecks({ decksDir: DECKS_DIR, manifestPath: MANIFEST });

  it('are all there, in order', () => {
    expect(results.map((r) => r.name)).toEqual(EXPECTED);
  });

  it('all build without errors', () => {
    expect(results.flatMap((r) => r.errors.map((e) => e.message))).toEqual([]);
    expect(results.every((r) => r.page !== null)).toBe(true);
  });

  it('open with a title slide made from their front matter', () => {
    for (const r of results) expect(r.deck?.slides[0]?.kind, `${r.name} has no title slide`).toBe('title');
  });

  it('have speaker notes on every content slide', () => {
    const missing = results.flatMap((r) =>
      (r.deck?.slides ?? []).filter((s) => s.kind === 'content' && (s.notes ?? '').trim() === '').map((s) => `${r.name} slide ${s.number} (${s.heading}) has no notes`),
    );
    expect(missing).toEqual([]);
  });

  it('draw their diagrams from the simulator', () => {
    const sims = (r: DeckResult): string[] => [...(r.page ?? '').matchAll(/<figure class="sim" data-sim="([^"]+)"/g)].map((m) => m[1] ?? '');
    const byDeck = Object.fromEntries(results.map((r) => [r.name, sims(r)]));
    expect(byDeck['01-reproduce-the-race']).toEqual(['october2025', 'race-odds']);
    expect(byDeck['05-cascade']).toEqual(['october2025-answers', 'october2025-dwfm', 'october2025-nlb', 'october2025-region', 'october2025-fixes', 'october2025-dependents']);
  });

  it('are each one self-contained page that fetches nothing', () => {
    for (const r of results) {
      const page = r.page ?? '';
      expect(page, r.name).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
      expect(page, `${r.name} loads a script from elsewhere`).not.toMatch(/<script[^>]+src=/);
      expect(page, `${r.name} links a stylesheet`).not.toMatch(/<link[^>]+stylesheet/);
      expect(page, `${r.name} points at the network`).not.toMatch(/(src|href)="(https?:)?\/\//);
      expect(page, `${r.name} imports CSS from elsewhere`).not.toMatch(/@import|url\((?!["']?data:)/);
    }
  });
});

describe('a build with a broken deck', () => {
  const dir = mkdtempSync(join(tmpdir(), 'slides-build-'));
  copyFileSync(join(FIXTURES, 'basic.md'), join(dir, '01-good.md'));
  copyFileSync(join(FIXTURES, 'bad.md'), join(dir, '02-bad.md'));
  writeFileSync(join(dir, 'README.md'), '# not a deck\n');
  const results = buildDecks({ decksDir: dir, manifestPath: MANIFEST, diagrams: fakeDiagrams, cwd: dir });

  it('still builds the other decks, and skips the README', () => {
    expect(listDecks(dir).map((p) => p.slice(dir.length + 1))).toEqual(['01-good.md', '02-bad.md']);
    expect(results.map((r) => [r.name, r.page === null])).toEqual([['01-good', false], ['02-bad', true]]);
  });

  it('names the file and line of every problem in the broken deck', () => {
    expect(results[1]?.errors.map((e) => e.message)).toEqual([
      '02-bad.md:3: front matter: unknown key `sede` (valid: title, subtitle, author, date, footer, seed)',
      '02-bad.md:14: sim: no diagram named "october2052" (valid: toy)',
      '02-bad.md:23: code fence ```ts is never closed (add a ``` line after the code)',
    ]);
  });

  it('removes the old output of a deck that no longer builds, and lists the errors in the index', () => {
    const out = join(dir, 'dist');
    writeDeck({ ...(results[0] as DeckResult), name: '02-bad' }, out);
    expect(existsSync(join(out, '02-bad.html'))).toBe(true);
    for (const r of results) writeDeck(r, out);
    writeIndex(results, out);
    expect(existsSync(join(out, '01-good.html'))).toBe(true);
    expect(existsSync(join(out, '02-bad.html')), 'a stale copy of the broken deck is still there').toBe(false);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).toContain('<a href="01-good.html">Two Enactors, one endpoint</a>');
    expect(index).toContain('02-bad.md:14: sim: no diagram named &quot;october2052&quot;');
  });
});
