import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine, renderDeck } from '../../src/engine.ts';
import { fakeAgenda, fakeDiagrams, FIXTURES, messages, render } from '../support/render.ts';

describe('images', () => {
  it('are embedded as data: URLs, so the deck needs no other file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slides-img-'));
    writeFileSync(join(dir, 'dot.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const md = createEngine({ diagrams: fakeDiagrams, agenda: fakeAgenda });
    const deck = renderDeck(md, '![a dot](dot.svg)\n', 'deck.md', dir);
    expect(deck.errors).toEqual([]);
    expect(deck.html).toContain(`src="data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64')}"`);
  });

  it('from the network are refused: the talk must not depend on the Wi-Fi', () => {
    expect(messages(render('# S\n\n![x](https://example.com/x.png)\n'))).toEqual([
      'deck.md:3: image https://example.com/x.png would be fetched over the network during the talk; save it next to the deck and use a relative path',
    ]);
  });

  it('that are missing or of an unknown type are reported', () => {
    expect(messages(render('![x](missing.png)\n'))).toEqual(['deck.md:1: image missing.png not found next to the deck']);
    expect(messages(render('![x](clip.mov)\n'))[0]).toMatch(/^deck\.md:1: image clip\.mov: unsupported type \(valid: \.png/);
  });
});
