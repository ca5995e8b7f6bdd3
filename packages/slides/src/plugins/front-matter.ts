import type { MarkdownIt } from 'markdown-it';
import type { StateBlock } from 'markdown-it';
import { deckEnv, report } from '../env.ts';
import { parseFrontMatter } from '../front-matter.ts';

/**
 * A deck may open with a `---` … `---` header. It is recognised only on the first line,
 * so every later `---` is a slide break.
 */
export function frontMatterPlugin(md: MarkdownIt): void {
  md.block.ruler.before('table', 'front_matter', frontMatterRule);
}

function frontMatterRule(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (startLine !== 0 || state.blkIndent !== 0 || lineText(state, 0) !== '---') return false;
  let close = -1;
  for (let line = 1; line < endLine; line++) {
    if (lineText(state, line) === '---') {
      close = line;
      break;
    }
  }
  const env = deckEnv(state.env);
  if (close < 0) {
    if (!silent) report(env, 0, 'front matter opened with --- is never closed (add a --- line after the last key)');
    return false;
  }
  if (silent) return true;
  const lines: string[] = [];
  for (let line = 1; line < close; line++) lines.push(lineText(state, line));
  const { values, problems } = parseFrontMatter(lines);
  for (const p of problems) report(env, 1 + p.offset, p.problem);
  env.frontMatter = values;
  const token = state.push('front_matter', '', 0);
  token.hidden = true;
  token.map = [0, close + 1];
  state.line = close + 1;
  return true;
}

function lineText(state: StateBlock, line: number): string {
  const start = state.bMarks[line];
  const end = state.eMarks[line];
  if (start === undefined || end === undefined) return '';
  return state.src.slice(start, end).trimEnd();
}
