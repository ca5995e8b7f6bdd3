import { describe, expect, it } from 'vitest';
import { messages, render } from '../support/render.ts';

describe('code highlighting', () => {
  it('colours TypeScript, JSON and bash when the deck is built', () => {
    const html = render('```ts\nconst gen: number = 110;\n```\n\n```json\n{"generation": 110}\n```\n\n```bash\nnpm run slides\n```\n').html;
    expect(html).toContain('<span class="hljs-keyword">const</span>');
    expect(html).toContain('<span class="hljs-attr">&quot;generation&quot;</span>');
    expect(html).toContain('<pre class="hljs"><code class="language-bash">');
  });

  it('shows text fences and fences without a language as they are, escaped', () => {
    const html = render('```\n<plan 110>\n```\n\n```text\na & b\n```\n').html;
    expect(html).toContain('<pre class="hljs"><code>&lt;plan 110&gt;\n</code></pre>');
    expect(html).toContain('a &amp; b');
  });

  it('reports a language it cannot colour, listing the ones it can', () => {
    const deck = render('# S\n\n```python\nprint(1)\n```\n');
    expect(messages(deck)).toEqual([
      'deck.md:3: no syntax highlighting for `python` (valid: typescript, ts, tsx, mts, cts, json, jsonc, json5, bash, sh, zsh, text, plain, console, output)',
    ]);
  });
});
