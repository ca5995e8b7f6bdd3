import { describe, expect, it } from 'vitest';
import { render } from '../support/render.ts';

describe('fragments', () => {
  it('reveals items of a `*` list one at a time', () => {
    expect(render('* a\n* b\n').html).toContain('<li class="fragment">a</li>\n<li class="fragment">b</li>');
  });

  it('reveals items of an ordered list written `1)`', () => {
    expect(render('1) a\n2) b\n').html).toContain('<li class="fragment">a</li>');
  });

  it('shows `-` and `1.` lists at once, as Marp does', () => {
    const html = render('- a\n- b\n\n1. c\n2. d\n').html;
    expect(html).not.toContain('fragment');
  });

  it('decides per list, so a plain list nested in a fragmented one stays plain', () => {
    const html = render('* outer\n  - inner\n').html;
    expect(html).toContain('<li class="fragment">outer');
    expect(html).toContain('<li>inner</li>');
  });
});
