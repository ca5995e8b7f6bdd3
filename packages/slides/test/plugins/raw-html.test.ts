import { describe, expect, it } from 'vitest';
import { render } from '../support/render.ts';

describe('raw HTML', () => {
  it('is shown as text by default, so a deck cannot load a script or a remote resource', () => {
    const html = render('# S\n\n<img src="https://example.com/x.png">\n\nA <b>bold</b> claim\n').html;
    expect(html).toContain('&lt;img src=“https://example.com/x.png”&gt;');
    expect(html).not.toContain('<img');
    expect(html).toContain('A &lt;b&gt;bold&lt;/b&gt; claim');
  });

  it('passes through when the build allows it (--html)', () => {
    expect(render('A <b>bold</b> claim\n', { html: true }).html).toContain('A <b>bold</b> claim');
  });

  it('leaves speaker notes as notes either way', () => {
    const deck = render('# S\n\n<!-- still notes -->\n', { html: true });
    expect(deck.slides[0]?.notes).toBe('still notes');
  });
});
