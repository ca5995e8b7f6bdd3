import type { DeckError } from './deck-error.ts';
import type { RenderedDeck } from './engine.ts';

/** One deck as a build left it: its page, or the errors that kept it from one. */
export interface DeckResult {
  /** File name without .md: also the output's name and the deck's id. */
  readonly name: string;
  readonly source: string;
  readonly deck: RenderedDeck | null;
  /** The HTML page, or null when the deck has errors. */
  readonly page: string | null;
  readonly errors: readonly DeckError[];
}
