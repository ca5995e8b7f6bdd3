import type { MarkdownIt } from 'markdown-it';
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import json from 'highlight.js/lib/languages/json';
import typescript from 'highlight.js/lib/languages/typescript';
import { deckEnv, report } from '../env.ts';
import { escapeHtml } from '../html.ts';

// Only what the decks use: the full highlight.js bundle would triple the build's memory.
hljs.registerLanguage('typescript', typescript);
hljs.registerLanguage('json', json);
hljs.registerLanguage('bash', bash);

/** Fences that are shown as they are, without colour. */
const PLAIN = ['text', 'plain', 'console', 'output'];

export function knownLanguages(): string[] {
  const names = ['typescript', 'json', 'bash'].flatMap((name) => [name, ...(hljs.getLanguage(name)?.aliases ?? [])]);
  return [...names, ...PLAIN];
}

/**
 * Code is coloured when the deck is built, so a deck needs no script from a CDN and looks
 * the same printed. A fence in a language we do not register is an error rather than
 * silently grey: authors see the list and pick `text` if they mean it. It renders every
 * `fence` token: fences with a type of their own (sim, agenda) are no longer `fence`
 * tokens by the time they are rendered (fence-types.ts), so nothing is chained here.
 */
export function highlightPlugin(md: MarkdownIt): void {
  md.renderer.rules.fence = (tokens, idx, _options, env) => {
    const token = tokens[idx];
    if (token === undefined) return '';
    const lang = token.info.trim().split(/\s+/)[0] ?? '';
    if (lang === '' || PLAIN.includes(lang)) {
      return `<pre class="hljs"><code>${escapeHtml(token.content)}</code></pre>\n`;
    }
    if (hljs.getLanguage(lang) === undefined) {
      report(deckEnv(env), token.map?.[0] ?? 0, `no syntax highlighting for \`${lang}\` (valid: ${knownLanguages().join(', ')})`);
      return `<pre class="hljs"><code>${escapeHtml(token.content)}</code></pre>\n`;
    }
    const html = hljs.highlight(token.content, { language: lang, ignoreIllegals: true }).value;
    return `<pre class="hljs"><code class="language-${escapeHtml(lang)}">${html}</code></pre>\n`;
  };
}
