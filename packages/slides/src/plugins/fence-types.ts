import type { MarkdownIt, RendererRule, StateCore } from 'markdown-it';

/**
 * Fences with a type of their own: ```sim …``` becomes a `sim` token, rendered by
 * `md.renderer.rules.sim`, instead of every plugin wrapping `rules.fence` and handing on
 * what it does not want (where the order of `.use()` decided, in reverse, who saw a fence
 * first). One core rule re-types the fences, as Marpit does; a plugin only registers its
 * name and its renderer, so plugins may be used in any order, and a fence no plugin claims
 * stays a plain `fence` for the code highlighter.
 */
const NAMES = new WeakMap<MarkdownIt, Set<string>>();

/** Registers ```name …``` fences (matched on the info string's first word) and their renderer. */
export function fenceType(md: MarkdownIt, name: string, render: RendererRule): void {
  let names = NAMES.get(md);
  if (names === undefined) {
    const registered = new Set<string>();
    names = registered;
    NAMES.set(md, registered);
    // Last in the core chain, so rules that check every fence (closed_fences) still see these.
    md.core.ruler.push('fence_types', (state: StateCore) => {
      for (const token of state.tokens) {
        if (token.type !== 'fence') continue;
        const word = token.info.trim().split(/\s+/)[0] ?? '';
        if (registered.has(word)) token.type = word;
      }
    });
  }
  names.add(name);
  md.renderer.rules[name] = render;
}
