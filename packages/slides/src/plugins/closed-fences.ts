import type { MarkdownIt } from 'markdown-it';
import type { StateCore } from 'markdown-it';
import { deckEnv, report } from '../env.ts';

/**
 * CommonMark lets a code fence run to the end of the document when its closing ``` is
 * missing. In a deck that silently swallows every later slide into one code block, so
 * it is an error here.
 */
export function closedFencesPlugin(md: MarkdownIt): void {
  md.core.ruler.after('block', 'closed_fences', checkFences);
}

function checkFences(state: StateCore): void {
  let lines: string[] | null = null;
  for (const token of state.tokens) {
    if (token.type !== 'fence' || token.map === null) continue;
    lines ??= state.src.split('\n');
    const [open, end] = token.map;
    const last = end - 1 > open ? (lines[end - 1] ?? '') : '';
    const marker = token.markup[0] ?? '`';
    const closing = last.replace(/^[\s>]*/, '').trimEnd();
    const closes = closing.length >= token.markup.length && [...closing].every((c) => c === marker);
    if (!closes) report(deckEnv(state.env), open, `code fence ${token.markup}${token.info} is never closed (add a ${token.markup} line after the code)`);
  }
}
