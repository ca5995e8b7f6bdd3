import type { MarkdownIt } from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';

/**
 * Marp's convention: items of a list written with `*` bullets, or an ordered list written
 * `1)`, appear one at a time. Lists written with `-` or `1.` appear at once, so a deck
 * still reads correctly in any Markdown viewer.
 */
export function fragmentsPlugin(md: MarkdownIt): void {
  md.core.ruler.push('fragments', markFragments);
}

function markFragments(state: StateCore): void {
  const lists: Token[] = [];
  for (const token of state.tokens) {
    if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') lists.push(token);
    else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') lists.pop();
    else if (token.type === 'list_item_open' && isFragmented(lists[lists.length - 1])) token.attrJoin('class', 'fragment');
  }
}

function isFragmented(list: Token | undefined): boolean {
  if (list === undefined) return false;
  if (list.type === 'bullet_list_open') return list.markup === '*';
  return list.markup === ')';
}
