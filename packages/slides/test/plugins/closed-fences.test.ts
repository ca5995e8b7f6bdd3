import { describe, expect, it } from 'vitest';
import { messages, render, renderFixture } from '../support/render.ts';

describe('unterminated code fences', () => {
  it('are reported at the line the fence opens', () => {
    expect(messages(renderFixture('bad.md')).join('\n')).toContain('bad.md:23: code fence ```ts is never closed (add a ``` line after the code)');
  });

  it('are caught even when the fence would swallow the following slides', () => {
    const deck = render('# One\n\n~~~text\ncode\n\n---\n\n# Two\n');
    expect(messages(deck)).toEqual(['deck.md:3: code fence ~~~text is never closed (add a ~~~ line after the code)']);
  });

  it('are not confused with closed fences, longer closing fences or fences in quotes', () => {
    const deck = render('```ts\nlet a = 1;\n```\n\n````text\n```\n`````\n\n> ```text\n> quoted\n> ```\n');
    expect(messages(deck)).toEqual([]);
  });
});
