import type { MarkdownIt } from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';
import { deckEnv } from '../env.ts';

/**
 * Turns the front matter's `title`, `subtitle`, `author` and `date` into a first slide,
 * so every deck opens the same way without repeating the layout by hand.
 * Runs after `block` (front matter is known) and before `inline` (so the title may
 * contain inline Markdown such as `code`).
 */
export function titleSlidePlugin(md: MarkdownIt): void {
  md.core.ruler.after('block', 'title_slide', insertTitleSlide);
}

function insertTitleSlide(state: StateCore): void {
  if (state.inlineMode) return;
  const fm = deckEnv(state.env).frontMatter;
  if (fm.title === undefined) return;
  const at = state.tokens.findIndex((t) => t.type === 'front_matter');
  const end = state.tokens[at]?.map?.[1] ?? 0;
  const made: Token[] = [];
  const block = (type: string, tag: string, nesting: 1 | 0 | -1, className?: string): Token => {
    const token = new state.Token(type, tag, nesting);
    token.block = true;
    if (className !== undefined) token.attrSet('class', className);
    made.push(token);
    return token;
  };
  const inline = (content: string): void => {
    const token = new state.Token('inline', '', 0);
    token.content = content;
    token.children = [];
    made.push(token);
  };
  const first = block('heading_open', 'h1', 1);
  first.markup = '#';
  first.meta = { titleSlide: true };
  inline(fm.title);
  block('heading_close', 'h1', -1);
  if (fm.subtitle !== undefined) {
    block('paragraph_open', 'p', 1, 'subtitle');
    inline(fm.subtitle);
    block('paragraph_close', 'p', -1);
  }
  const byline = [fm.author, fm.date].filter((s): s is string => s !== undefined && s !== '').join(' · ');
  if (byline !== '') {
    block('paragraph_open', 'p', 1, 'byline');
    inline(byline);
    block('paragraph_close', 'p', -1);
  }
  const brk = new state.Token('slide_break', 'hr', 0);
  brk.map = [Math.max(0, end - 1), end];
  brk.hidden = true;
  made.push(brk);
  state.tokens.splice(at + 1, 0, ...made);
}
