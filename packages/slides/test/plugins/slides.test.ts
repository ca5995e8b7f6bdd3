import { describe, expect, it } from 'vitest';
import { render, renderFixture, sections } from '../support/render.ts';

describe('slide breaks', () => {
  it('splits the deck on --- lines, one <section> per slide', () => {
    const deck = render('# One\n\n---\n\n# Two\n\n---\n\n# Three\n');
    expect(sections(deck.html)).toHaveLength(3);
    expect(deck.slides.map((s) => [s.number, s.heading])).toEqual([[1, 'One'], [2, 'Two'], [3, 'Three']]);
  });

  it('records the line each slide starts on, so errors and tools can point at it', () => {
    const deck = renderFixture('basic.md');
    expect(deck.slides.map((s) => s.line)).toEqual([0, 10, 21, 34]);
  });

  it('breaks after a paragraph too: `---` under text is not a setext heading', () => {
    const deck = render('Some text\n---\nMore text\n');
    expect(sections(deck.html)).toHaveLength(2);
    expect(deck.html).not.toContain('<h2>');
  });

  it('leaves --- alone inside code, quotes and lists', () => {
    const deck = render('```text\n---\n```\n\n> quoted\n> ---\n\n- item\n\n  ---\n');
    expect(sections(deck.html)).toHaveLength(1);
  });

  it('ignores empty slides from breaks at the start, the end or in a row', () => {
    const deck = render('\n---\n\n# One\n\n---\n---\n\n# Two\n\n---\n');
    expect(deck.slides.map((s) => s.heading)).toEqual(['One', 'Two']);
  });

  it('keeps *** as a visible rule', () => {
    const deck = render('# One\n\n***\n\ntext\n');
    expect(sections(deck.html)).toHaveLength(1);
    expect(deck.html).toContain('<hr>');
  });

  it('puts the footer from the front matter on content slides only', () => {
    const html = sections(renderFixture('basic.md').html);
    expect(html[0]).not.toContain('slide-footer');
    expect(html[1]).toContain('<footer class="slide-footer">fixture footer</footer>');
  });
});
