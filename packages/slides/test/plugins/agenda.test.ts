import { describe, expect, it } from 'vitest';
import { createEngine, renderDeck } from '../../src/engine.ts';
import { messages, render } from '../support/render.ts';

describe('agenda', () => {
  it('lists the lessons of the manifest in order, with their minutes and the total', () => {
    const html = render('## Agenda\n\n```agenda\n- The cascade (20 min)\n```\n').html;
    expect(html).toContain('<span class="agenda-id">01</span> <span class="agenda-title">Reproduce the race</span> <span class="agenda-minutes">40 min</span>');
    expect(html.indexOf('Reproduce the race')).toBeLessThan(html.indexOf('Generation checks'));
    expect(html.indexOf('Generation checks')).toBeLessThan(html.indexOf('The cascade'));
    expect(html).toContain('About 1 h 35 min in all.');
  });

  it("reports its source's problem with the deck line", () => {
    const broken = (): never => {
      throw new Error('the lesson manifest nowhere.json does not exist');
    };
    const deck = render('# A\n\n```agenda\n```\n', { agenda: broken });
    expect(messages(deck)).toEqual(['deck.md:3: agenda: the lesson manifest nowhere.json does not exist']);
  });

  it('says so when the engine was given no agenda, rather than listing nothing', () => {
    const deck = renderDeck(createEngine(), '```agenda\n```\n', 'deck.md', '.');
    expect(deck.errors.map((e) => e.message)).toEqual(['deck.md:1: agenda: this deck engine was given no agenda source']);
  });

  it('reports an extra line it cannot read, at its own line', () => {
    const deck = render('```agenda\n- The cascade\n```\n');
    expect(messages(deck)).toEqual(['deck.md:2: agenda: expected a line like `- The cascade (20 min)`, got "- The cascade"']);
  });
});
