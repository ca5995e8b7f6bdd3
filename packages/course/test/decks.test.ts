import { simDiagram } from '@outage-lab/core';
import { createEngine, renderDeck } from '@outage-lab/slides';
import { describe, expect, it } from 'vitest';
import { builtDecks, pageOf, type BuiltDeck } from './support/built-decks.ts';
import { DECKS_DIR } from './support/decks.ts';

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
  // Built once for the whole test run, by the globalSetup in vitest.config.ts.
  const results = builtDecks().decks;

  it('are all there, in order', () => {
    expect(results.map((r) => r.name)).toEqual(EXPECTED);
  });

  it('all build without errors', () => {
    expect(results.flatMap((r) => r.errors)).toEqual([]);
    expect(results.every((r) => r.file !== null)).toBe(true);
  });

  it('open with a title slide made from their front matter', () => {
    for (const r of results) expect(r.slides[0]?.kind, `${r.name} has no title slide`).toBe('title');
  });

  it('have speaker notes on every content slide', () => {
    const missing = results.flatMap((r) =>
      r.slides.filter((s) => s.kind === 'content' && (s.notes ?? '').trim() === '').map((s) => `${r.name} slide ${s.number} (${s.heading}) has no notes`),
    );
    expect(missing).toEqual([]);
  });

  it('draw their diagrams from the simulator', () => {
    const sims = (r: BuiltDeck): string[] => [...pageOf(r).matchAll(/<figure class="sim" data-sim="([^"]+)"/g)].map((m) => m[1] ?? '');
    const byDeck = Object.fromEntries(results.map((r) => [r.name, sims(r)]));
    expect(byDeck['01-reproduce-the-race']).toEqual(['october2025', 'race-odds']);
    expect(byDeck['05-cascade']).toEqual(['october2025-answers', 'october2025-dwfm', 'october2025-nlb', 'october2025-region', 'october2025-fixes', 'october2025-dependents']);
  });

  it('are each one self-contained page that fetches nothing', () => {
    for (const r of results) {
      const page = pageOf(r);
      expect(page, r.name).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
      expect(page, `${r.name} loads a script from elsewhere`).not.toMatch(/<script[^>]+src=/);
      expect(page, `${r.name} links a stylesheet`).not.toMatch(/<link[^>]+stylesheet/);
      expect(page, `${r.name} points at the network`).not.toMatch(/(src|href)="(https?:)?\/\//);
      expect(page, `${r.name} imports CSS from elsewhere`).not.toMatch(/@import|url\((?!["']?data:)/);
    }
  });
});

describe('a sim fence in a deck of this course', () => {
  it('draws the real race from the core simulator, the same way for the same seed', () => {
    const render = () => renderDeck(createEngine({ diagrams: simDiagram }), '```sim october2025 seed=3\n```\n', 'deck.md', DECKS_DIR);
    const deck = render();
    expect(deck.errors.map((e) => e.message)).toEqual([]);
    expect(deck.html).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(deck.html).toContain('checks freshness once,');
    expect(render().html).toBe(deck.html);
  });
});
