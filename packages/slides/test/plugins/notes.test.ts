import { describe, expect, it } from 'vitest';
import { messages, render, renderFixture, sections } from '../support/render.ts';

describe('speaker notes', () => {
  it('turns an HTML comment into notes for its slide, rendered as Markdown', () => {
    const deck = renderFixture('basic.md');
    expect(deck.slides.map((s) => s.notes)).toEqual([null, 'Speaker notes with **Markdown**.', 'The check is made once.', 'Notes on the diagram.']);
    expect(sections(deck.html)[1]).toContain('<aside class="notes"><p>Speaker notes with <strong>Markdown</strong>.</p>');
  });

  it('works with raw HTML off, and never leaks the comment as text', () => {
    const deck = render('# Slide\n\n<!-- secret plan -->\n');
    expect(deck.html).not.toContain('&lt;!--');
    expect(deck.slides[0]?.notes).toBe('secret plan');
  });

  it('ends a paragraph, and joins two comments on one slide', () => {
    const deck = render('Text\n<!-- first -->\n\n<!--\nsecond\n-->\n');
    expect(deck.html).toContain('<p>Text</p>');
    expect(deck.slides[0]?.notes).toBe('first\n\nsecond');
  });

  it('escapes HTML inside notes', () => {
    const deck = render('# S\n\n<!-- <script>alert(1)</script> -->\n');
    expect(deck.html).not.toContain('<script>');
  });

  it('reports notes that are never closed, at the line they open', () => {
    const deck = render('# S\n\n<!-- forgot to close\n\n---\n\n# T\n');
    expect(messages(deck)).toEqual(['deck.md:3: speaker notes opened with <!-- are never closed with -->']);
  });

  it('reports text after --> that would silently disappear', () => {
    const deck = render('# S\n\n<!-- note --> visible?\n');
    expect(messages(deck)).toEqual(['deck.md:3: text after --> on the same line would be lost; start it on a new line: "visible?"']);
  });
});
