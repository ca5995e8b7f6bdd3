import { describe, expect, it } from 'vitest';
import { FIXTURES, messages, render } from '../support/render.ts';

describe('agenda', () => {
  it('lists the lessons of the manifest in order, with their minutes and the total', () => {
    const html = render('## Agenda\n\n```agenda\n- The cascade (20 min)\n```\n').html;
    expect(html).toContain('<span class="agenda-id">01</span> <span class="agenda-title">Reproduce the race</span> <span class="agenda-minutes">40 min</span>');
    expect(html.indexOf('Reproduce the race')).toBeLessThan(html.indexOf('Generation checks'));
    expect(html.indexOf('Generation checks')).toBeLessThan(html.indexOf('The cascade'));
    expect(html).toContain('About 1 h 35 min in all.');
  });

  it('reports a missing manifest with the deck line and the path it looked for', () => {
    const deck = render('# A\n\n```agenda\n```\n', { manifestPath: `${FIXTURES}nowhere.json` });
    expect(messages(deck)).toEqual([`deck.md:3: agenda: the lesson manifest ${FIXTURES}nowhere.json does not exist (the agenda is generated from it)`]);
  });

  it('reports a manifest that is not what it should be', () => {
    const deck = render('```agenda\n```\n', { manifestPath: `${FIXTURES}basic.md` });
    expect(messages(deck)[0]).toMatch(/^deck\.md:1: agenda: the lesson manifest .*basic\.md is not valid JSON/);
  });

  it('reports an extra line it cannot read, at its own line', () => {
    const deck = render('```agenda\n- The cascade\n```\n');
    expect(messages(deck)).toEqual(['deck.md:2: agenda: expected a line like `- The cascade (20 min)`, got "- The cascade"']);
  });
});
