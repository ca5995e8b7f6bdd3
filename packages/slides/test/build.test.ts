import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDecks, listDecks, writeDeck, writeIndex, type DeckResult } from '../src/build.ts';
import { FIXTURES, fakeAgenda, fakeDiagrams } from './support/render.ts';

describe('a build with a broken deck', () => {
  const dir = mkdtempSync(join(tmpdir(), 'slides-build-'));
  copyFileSync(join(FIXTURES, 'basic.md'), join(dir, '01-good.md'));
  copyFileSync(join(FIXTURES, 'bad.md'), join(dir, '02-bad.md'));
  writeFileSync(join(dir, 'README.md'), '# not a deck\n');
  const results = buildDecks({ decksDir: dir, agenda: fakeAgenda, diagrams: fakeDiagrams, cwd: dir });

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
