import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { MarkdownIt } from 'markdown-it';
import type { StateCore } from 'markdown-it';
import { deckEnv, report } from '../env.ts';

const TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};

/**
 * A deck is one file that must open offline, so images are embedded as data: URLs when
 * the deck is built. A remote image would be a network request during the talk, so it
 * is an error.
 */
export function inlineImagesPlugin(md: MarkdownIt): void {
  md.core.ruler.after('inline', 'inline_images', embedImages);
}

function embedImages(state: StateCore): void {
  if (state.inlineMode) return;
  const env = deckEnv(state.env);
  for (const block of state.tokens) {
    if (block.type !== 'inline' || block.children === null) continue;
    const line = block.map?.[0] ?? 0;
    for (const token of block.children) {
      if (token.type !== 'image') continue;
      const src = String(token.attrGet('src') ?? '');
      if (src.startsWith('data:')) continue;
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) {
        report(env, line, `image ${src} would be fetched over the network during the talk; save it next to the deck and use a relative path`);
        continue;
      }
      const type = TYPES[extname(src).toLowerCase()];
      if (type === undefined) {
        report(env, line, `image ${src}: unsupported type (valid: ${Object.keys(TYPES).join(', ')})`);
        continue;
      }
      try {
        const data = readFileSync(resolve(env.baseDir, decodeURI(src)));
        token.attrSet('src', `data:${type};base64,${data.toString('base64')}`);
      } catch {
        report(env, line, `image ${src} not found next to the deck`);
      }
    }
  }
}
