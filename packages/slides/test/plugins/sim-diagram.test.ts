import { describe, expect, it } from 'vitest';
import { createEngine, renderDeck } from '../../src/engine.ts';
import { messages, render, renderFixture } from '../support/render.ts';

describe('sim diagrams', () => {
  it('inlines the SVG the simulator draws, with the caption, seeded from the front matter', () => {
    const html = renderFixture('basic.md').html;
    expect(html).toContain('<figure class="sim" data-sim="toy" data-seed="5"><svg data-toy="5"></svg><figcaption>The caption</figcaption></figure>');
  });

  it('takes a seed from the fence, which wins over the front matter', () => {
    const html = render('---\nseed: 5\n---\n```sim toy seed=42\n```\n').html;
    expect(html).toContain('<svg data-toy="42">');
  });

  it('reports an unknown scenario at the fence line, with the valid names', () => {
    expect(messages(renderFixture('bad.md')).join('\n')).toContain('bad.md:14: sim: no diagram named "october2052" (valid: toy)');
  });

  it('reports a missing name and an unknown parameter', () => {
    expect(messages(render('```sim\n```\n'))).toEqual(['deck.md:1: a sim fence needs a diagram name, e.g. ```sim october2025']);
    expect(messages(render('```sim toy speed=2\n```\n'))).toEqual(['deck.md:1: sim toy: unknown parameter "speed=2" (valid: seed=<whole number>)']);
  });

  it('says so when the engine was given no diagram source, rather than drawing nothing', () => {
    const deck = renderDeck(createEngine(), '```sim toy\n```\n', 'deck.md', '.');
    expect(deck.errors.map((e) => e.message)).toEqual(['deck.md:1: sim toy: this deck engine was given no diagram source']);
  });
});
