import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createEngine, renderDeck } from '../../src/engine.ts';
import { deckPage } from '../../src/page.ts';
import type { WidgetRequest, WidgetSource } from '../../src/plugins/widgets.ts';
import { FIXTURES, fakeDiagrams, messages } from '../support/render.ts';

/** A stand-in for the course's widgets: one kind, which echoes what it was asked. */
const asked: WidgetRequest[] = [];
const counters: WidgetSource = {
  kinds: ['counter'],
  render(request) {
    asked.push(request);
    if (request.args[0] === 'broken') throw new Error('counter: "broken" is not a counter (valid: up, down)');
    return { html: `<p class="count">${request.args.join(' ')}</p>`, script: { name: 'counter', code: 'window.counted = true;', css: '.count { color: red; }' } };
  },
};

function render(source: string) {
  asked.length = 0;
  const md = createEngine({ diagrams: fakeDiagrams, widgets: counters });
  return renderDeck(md, source, 'deck.md', FIXTURES);
}

describe('live widget fences', () => {
  it('become a figure holding the caller’s static frame, with an id per widget for the URL', () => {
    const deck = render('---\nseed: 9\n---\n\n## One\n\n```counter up 3\nbody\n```\n\n---\n\n## Two\n\n```counter down\n```\n');
    expect(messages(deck)).toEqual([]);
    expect(deck.html).toContain('<figure class="widget" data-widget="counter" data-widget-id="w1">\n<div class="widget-frame"><p class="count">up 3</p></div>\n</figure>');
    expect(deck.html).toContain('data-widget-id="w2"');
    expect(asked.map((r) => [r.kind, r.args, r.body, r.seed, r.id])).toEqual([
      ['counter', ['up', '3'], 'body\n', 9, 'w1'],
      ['counter', ['down'], '', 9, 'w2'],
    ]);
    expect(deck.scripts.map((s) => s.name), 'one script per kind, however many widgets').toEqual(['counter']);
  });

  it('report the caller’s error at the fence’s line, and leave other fences to the highlighter', () => {
    const deck = render('## One\n\n```counter broken\n```\n\n```ts\nconst x = 1;\n```\n');
    expect(messages(deck)).toEqual(['deck.md:3: counter: "broken" is not a counter (valid: up, down)']);
    expect(deck.html).toContain('class="hljs');
  });

  it('are still checked for a missing closing fence', () => {
    const deck = render('## One\n\n```counter up\n');
    expect(messages(deck)[0]).toMatch(/^deck\.md:3: code fence ```counter up is never closed/);
  });
});

describe('the page of a deck with widgets', () => {
  const deck = render('## One\n\n```counter up\n```\n');
  const page = deckPage(deck, 'deck');
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1] ?? '';
  const scripts = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');

  it('runs only the scripts it lists by hash: no unsafe-inline, no eval', () => {
    const scriptSrc = policy.split('; ').find((d) => d.startsWith('script-src ')) ?? '';
    expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(scripts).toHaveLength(2);
    const hashes = scripts.map((code) => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`);
    expect(scriptSrc).toBe(`script-src ${hashes.join(' ')}`);
    expect(scripts[1]).toContain('window.counted = true;');
    expect(page).toContain('.count { color: red; }');
  });

  it('refuses a widget script that would end its own <script> element', () => {
    const bad = { ...deck, scripts: [{ name: 'evil', code: 'const s = "</script><img>";' }] };
    expect(() => deckPage(bad, 'deck')).toThrow('the widget script evil contains "</script"');
  });
});
