import { DeckError } from './deck-error.ts';
import type { FrontMatter } from './front-matter.ts';
import type { WidgetScript } from './plugins/widget-script.ts';

/** What the engine knows about one slide once the deck is parsed. */
export interface SlideMeta {
  /** 1-based, as shown in the URL hash. */
  readonly number: number;
  /** 1-based line where the slide starts in the deck file (0 for the generated title slide). */
  readonly line: number;
  readonly kind: 'title' | 'content';
  /** Text of the slide's first heading, or '' when it has none. */
  readonly heading: string;
  /** The speaker notes as Markdown, or null when the slide has none. */
  readonly notes: string | null;
}

/**
 * The state shared by the plugins while one deck is parsed and rendered: markdown-it
 * threads this `env` object through every rule.
 */
export interface DeckEnv {
  /** The deck's path as it should appear in error messages. */
  readonly file: string;
  /** Directory that relative image paths are resolved against. */
  readonly baseDir: string;
  readonly errors: DeckError[];
  frontMatter: FrontMatter;
  slides: SlideMeta[];
  /** Live widgets in deck order, with the script each needs. */
  widgets: { readonly id: string; readonly kind: string; readonly script: WidgetScript }[];
}

export function newDeckEnv(file: string, baseDir: string): DeckEnv {
  return { file, baseDir, errors: [], frontMatter: {}, slides: [], widgets: [] };
}

/** markdown-it types `env` loosely; every rule in this package receives a DeckEnv. */
export function deckEnv(env: unknown): DeckEnv {
  if (typeof env === 'object' && env !== null && 'errors' in env && 'file' in env) return env as DeckEnv;
  throw new TypeError('slides: a rule ran without a DeckEnv; render decks through renderDeck()');
}

export function report(env: DeckEnv, zeroBasedLine: number, problem: string): void {
  env.errors.push(new DeckError(env.file, zeroBasedLine + 1, problem));
}
