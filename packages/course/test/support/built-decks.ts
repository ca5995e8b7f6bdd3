import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SlideMeta } from '@outage-lab/slides';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where `build-decks.setup.ts` wrote every deck of `slides/` for this test run. */
    builtDecksDir: string;
  }
}

/** The list of built decks, beside their pages in the folder. */
export const BUILT_DECKS_INDEX = 'decks.json';

/** What the deck tests need of a build result: plain data, so that it crosses from the setup to the test files. */
export interface BuiltDeck {
  readonly name: string;
  /** The page written, or null when the deck has errors. */
  readonly file: string | null;
  readonly errors: readonly string[];
  readonly slides: readonly SlideMeta[];
}

/** The decks built once for this test run (see `build-decks.setup.ts`), and the folder holding their pages. */
export function builtDecks(): { readonly dir: string; readonly decks: readonly BuiltDeck[] } {
  const dir = inject('builtDecksDir');
  return { dir, decks: JSON.parse(readFileSync(join(dir, BUILT_DECKS_INDEX), 'utf8')) as BuiltDeck[] };
}

/** A built deck's page, or '' when it has errors. */
export function pageOf(deck: BuiltDeck): string {
  return deck.file === null ? '' : readFileSync(deck.file, 'utf8');
}
