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

  it('with --html, a remote resource in raw HTML is a build error, as a remote Markdown image is', () => {
    for (const html of ['<img src="https://example.com/x.png">', "<p><img srcset='a.png 1x, //cdn.example/b.png 2x'></p>", '<div style="background: url(http://example.com/bg.png)"></div>', 'Inline <img src="https://example.com/x.png"> here']) {
      const deck = render(`# S\n\n${html}\n`, { html: true });
      expect(deck.errors.map((e) => e.message).join('\n'), html).toMatch(/raw HTML loads \S+ over the network during the talk/);
    }
  });

  it('with --html, a link to click and a local image are fine', () => {
    expect(render('# S\n\n<a href="https://aws.amazon.com/message/101925">summary</a> <img src="x.png">\n', { html: true }).errors).toEqual([]);
  });

  it('leaves speaker notes as notes either way', () => {
    const deck = render('# S\n\n<!-- still notes -->\n', { html: true });
    expect(deck.slides[0]?.notes).toBe('still notes');
  });
});
