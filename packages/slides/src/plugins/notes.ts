import markdownIt, { type MarkdownIt } from 'markdown-it';
import type { StateBlock } from 'markdown-it';
import { deckEnv, report } from '../env.ts';

/**
 * Speaker notes are HTML comments on their own lines, as in Marp: invisible in any other
 * Markdown viewer, shown in the presenter view. They are recognised whether or not raw
 * HTML is enabled, and their content is Markdown.
 */
export function notesPlugin(md: MarkdownIt): void {
  const notesMd = markdownIt({ html: false, linkify: false, typographer: md.options.typographer });
  md.block.ruler.before('html_block', 'slide_notes', notesRule, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.renderer.rules['slide_notes'] = (tokens, idx) => {
    const content = tokens[idx]?.content ?? '';
    return `<aside class="notes">${notesMd.render(content)}</aside>\n`;
  };
}

function notesRule(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const start = (state.bMarks[startLine] ?? 0) + (state.tShift[startLine] ?? 0);
  if (state.sCount[startLine] !== state.blkIndent || !state.src.startsWith('<!--', start)) return false;
  if (silent) return true;
  const env = deckEnv(state.env);
  const close = state.src.indexOf('-->', start + 4);
  let last = startLine;
  while (close >= 0 && last + 1 < endLine && (state.bMarks[last + 1] ?? Infinity) <= close) last++;
  const closed = close >= 0 && close < (state.eMarks[last] ?? -1);
  if (!closed) {
    report(env, startLine, 'speaker notes opened with <!-- are never closed with -->');
    // Swallow the rest of the block rather than show half-written notes to the audience.
    last = endLine - 1;
  } else {
    const tail = state.src.slice(close + 3, state.eMarks[last]).trim();
    if (tail !== '') report(env, last, `text after --> on the same line would be lost; start it on a new line: ${JSON.stringify(tail)}`);
  }
  const token = state.push('slide_notes', 'aside', 0);
  token.content = closed ? state.src.slice(start + 4, close) : state.src.slice(start + 4, state.eMarks[last]);
  token.map = [startLine, last + 1];
  token.block = true;
  state.line = last + 1;
  return true;
}
