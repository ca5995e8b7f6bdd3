import type { MarkdownIt, StateCore } from 'markdown-it';
import { deckEnv, report } from '../env.ts';

/**
 * With `--html`, raw HTML passes through, and a remote `<img src="https://…">` (or any
 * other remote resource in it) would be fetched during the talk, from a deck that must
 * open offline. Like a remote Markdown image, it is a build error.
 */
export function remoteHtmlPlugin(md: MarkdownIt): void {
  md.core.ruler.push('remote_html', findRemote);
}

const TAG = /<([a-z][\w-]*)\b([^>]*)>/gi;
const ATTRIBUTE = /\b(src|srcset|href|poster|data|action|background|formaction)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/gi;
const REMOTE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

const remote = (value: string): string | null => {
  // srcset lists `url width, url width`.
  for (const url of value.split(',').map((part) => part.trim().split(/\s+/)[0] ?? '')) {
    if (REMOTE.test(url) && !/^(?:data|mailto):/i.test(url)) return url;
  }
  return null;
};

/** The first remote address the HTML would load, or null; a link to click (`<a href>`) loads nothing. */
export function remoteResource(html: string): string | null {
  const code = html.replace(/<!--[\s\S]*?-->/g, '');
  for (const tag of code.matchAll(TAG)) {
    const name = (tag[1] ?? '').toLowerCase();
    for (const attribute of (tag[2] ?? '').matchAll(ATTRIBUTE)) {
      if ((attribute[1] ?? '').toLowerCase() === 'href' && (name === 'a' || name === 'area')) continue;
      const url = remote(attribute.slice(2).find((v) => v !== undefined) ?? '');
      if (url !== null) return url;
    }
  }
  for (const match of code.matchAll(CSS_URL)) {
    const url = remote(match.slice(1).find((v) => v !== undefined) ?? '');
    if (url !== null) return url;
  }
  return null;
}

function findRemote(state: StateCore): void {
  if (state.inlineMode) return;
  const env = deckEnv(state.env);
  for (const token of state.tokens) {
    const pieces = token.type === 'html_block' ? [token] : (token.children ?? []).filter((c) => c.type === 'html_inline');
    for (const piece of pieces) {
      const url = remoteResource(piece.content);
      if (url !== null) report(env, token.map?.[0] ?? 0, `raw HTML loads ${url} over the network during the talk; save it next to the deck and use a relative path`);
    }
  }
}
