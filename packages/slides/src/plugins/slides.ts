import type { MarkdownIt } from 'markdown-it';
import type { StateBlock, StateCore, Token } from 'markdown-it';
import { deckEnv, type SlideMeta } from '../env.ts';
import { escapeHtml } from '../html.ts';

const BREAK = /^-{3,}[ \t]*$/;

/**
 * Splits the deck into slides on `---` lines, as Marp does, and wraps each slide's tokens
 * in `slide_open` / `slide_close`.
 *
 * Setext headings are turned off: with them, `---` under a line of text underlines a
 * heading instead of starting a slide, the most common surprise in Marp decks. Headings
 * are written with `#`.
 */
export function slidesPlugin(md: MarkdownIt): void {
  md.disable('lheading');
  md.block.ruler.before('hr', 'slide_break', slideBreakRule, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.core.ruler.push('slides', wrapSlides);
  md.renderer.rules['slide_open'] = (tokens, idx) => {
    const token = tokens[idx];
    const number = token?.meta?.number ?? 0;
    const kind = token?.meta?.kind === 'title' ? ' title-slide' : '';
    return `<section class="slide${kind}" data-number="${number}">\n`;
  };
  md.renderer.rules['slide_close'] = (tokens, idx, _options, env) => {
    const footer = deckEnv(env).frontMatter.footer;
    const show = footer !== undefined && tokens[idx]?.meta?.kind !== 'title';
    return `${show ? `<footer class="slide-footer">${escapeHtml(footer)}</footer>\n` : ''}</section>\n`;
  };
}

/** A break is a `---` line at the left margin, outside quotes and lists. */
function slideBreakRule(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  const start = state.bMarks[startLine];
  const end = state.eMarks[startLine];
  if (start === undefined || end === undefined || state.blkIndent !== 0) return false;
  const rawStart = start === 0 ? 0 : state.src.lastIndexOf('\n', start - 1) + 1;
  if (!BREAK.test(state.src.slice(rawStart, end))) return false;
  if (silent) return true;
  const token = state.push('slide_break', 'hr', 0);
  token.map = [startLine, startLine + 1];
  token.hidden = true;
  state.line = startLine + 1;
  return true;
}

function wrapSlides(state: StateCore): void {
  if (state.inlineMode) return;
  const env = deckEnv(state.env);
  const groups: Token[][] = [[]];
  let startLines: number[] = [0];
  for (const token of state.tokens) {
    if (token.type === 'slide_break') {
      groups.push([]);
      startLines.push((token.map?.[1] ?? 0));
      continue;
    }
    if (token.type === 'front_matter') {
      startLines = [token.map?.[1] ?? 0];
      continue;
    }
    groups[groups.length - 1]?.push(token);
  }
  const out: Token[] = [];
  const slides: SlideMeta[] = [];
  groups.forEach((group, i) => {
    const kind = group[0]?.meta?.titleSlide === true ? 'title' : 'content';
    // An empty group comes from a break at the very start or end, or two breaks in a row.
    if (group.length === 0) return;
    const number = slides.length + 1;
    const firstMapped = group.find((t) => t.map !== null);
    const line = kind === 'title' ? 0 : (firstMapped?.map?.[0] ?? startLines[i] ?? 0) + 1;
    slides.push({ number, line, kind, heading: firstHeading(group), notes: notesOf(group) });
    const open = new state.Token('slide_open', 'section', 1);
    open.meta = { number, kind };
    open.block = true;
    out.push(open, ...group);
    const close = new state.Token('slide_close', 'section', -1);
    close.meta = { kind };
    close.block = true;
    out.push(close);
  });
  state.tokens = out;
  env.slides = slides;
}

function firstHeading(group: readonly Token[]): string {
  const open = group.findIndex((t) => t.type === 'heading_open');
  if (open < 0) return '';
  return group[open + 1]?.content ?? '';
}

function notesOf(group: readonly Token[]): string | null {
  const parts = group.filter((t) => t.type === 'slide_notes').map((t) => t.content.trim());
  return parts.length === 0 ? null : parts.join('\n\n');
}
