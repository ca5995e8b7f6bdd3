import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/front-matter.ts';
import { messages, render, renderFixture } from '../support/render.ts';

describe('front matter', () => {
  it('reads the deck header and keeps it out of the slides', () => {
    const deck = renderFixture('basic.md');
    expect(deck.frontMatter).toEqual({ title: 'Two Enactors, one endpoint', subtitle: 'A fixture deck', author: 'Outage Lab', date: '20 October 2025', footer: 'fixture footer', seed: 5 });
    expect(deck.html).not.toContain('subtitle: A fixture deck');
    expect(deck.title).toBe('Two Enactors, one endpoint');
  });

  it('accepts quoted values and comments', () => {
    const { values, problems } = parseFrontMatter(['title: "Plan 110: stale"', "# a comment", "author: 'Ops'"]);
    expect(problems).toEqual([]);
    expect(values).toEqual({ title: 'Plan 110: stale', author: 'Ops' });
  });

  it('names the line and the valid keys when a key is misspelt', () => {
    expect(messages(renderFixture('bad.md')).join('\n')).toContain('bad.md:3: front matter: unknown key `sede` (valid: title, subtitle, author, date, footer, seed)');
  });

  it('names the line of a header line that is not `key: value`', () => {
    const deck = render('---\ntitle: ok\nthis line has no colon\n---\n\n# Slide\n');
    expect(messages(deck)).toEqual(['deck.md:3: front matter: expected `key: value`, got "this line has no colon"']);
  });

  it('refuses a seed that is not a whole number and a key given twice', () => {
    const deck = render('---\nseed: soon\ntitle: a\ntitle: b\n---\n# x\n');
    expect(messages(deck)).toEqual(['deck.md:2: front matter: seed "soon" is not a whole number from 0 to 9007199254740991', 'deck.md:4: front matter: `title` is given twice']);
    expect(messages(render('---\nseed: 99999999999999999999999\n---\n# x\n'))).toEqual(['deck.md:2: front matter: seed "99999999999999999999999" is not a whole number from 0 to 9007199254740991']);
  });

  it('reports a header that is never closed, at its first line', () => {
    const deck = render('---\ntitle: never closed\n\n# Slide\n');
    expect(messages(deck)).toEqual(['deck.md:1: front matter opened with --- is never closed (add a --- line after the last key)']);
  });

  it('is only recognised at the very top: a later --- is a slide break', () => {
    const deck = render('# One\n\n---\ntitle: not a header\n---\n# Two\n');
    expect(deck.frontMatter).toEqual({});
    expect(deck.slides.map((s) => s.heading)).toEqual(['One', '', 'Two']);
  });
});
