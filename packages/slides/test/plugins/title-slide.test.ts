import { describe, expect, it } from 'vitest';
import { render, renderFixture, sections } from '../support/render.ts';

describe('title slide', () => {
  it('is made from the front matter, before the first slide of the deck', () => {
    const deck = renderFixture('basic.md');
    const first = sections(deck.html)[0] ?? '';
    expect(deck.html.startsWith('<section class="slide title-slide" data-number="1">')).toBe(true);
    expect(first).toContain('<h1>Two Enactors, one endpoint</h1>');
    expect(first).toContain('<p class="subtitle">A fixture deck</p>');
    expect(first).toContain('<p class="byline">Outage Lab · 20 October 2025</p>');
    expect(deck.slides[0]?.kind).toBe('title');
    expect(deck.slides.slice(1).every((s) => s.kind === 'content')).toBe(true);
  });

  it('renders inline Markdown in the title and escapes HTML', () => {
    const html = render('---\ntitle: The `DnsEnactor` <b>race</b>\n---\n# x\n').html;
    expect(html).toContain('<h1>The <code>DnsEnactor</code> &lt;b&gt;race&lt;/b&gt;</h1>');
  });

  it('is left out when the front matter has no title', () => {
    const deck = render('---\nauthor: someone\n---\n# Only slide\n');
    expect(deck.slides.map((s) => s.kind)).toEqual(['content']);
  });
});
