import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { DeckError } from './deck-error.ts';
import { listDecks, selectDecks } from './decks.ts';
import { createEngine, renderDeck, type RenderedDeck } from './engine.ts';
import type { DeckResult } from './deck-result.ts';
import { indexPage } from './index-page.ts';
import { deckPage } from './page.ts';
import type { AgendaSource } from './plugins/agenda.ts';
import type { DiagramSource } from './plugins/sim-diagram.ts';
import type { WidgetSource } from './plugins/widgets.ts';

export type { DeckResult } from './deck-result.ts';

export { listDecks, selectDecks };

export interface BuildOptions {
  /** Folder of deck .md files (slides/). */
  readonly decksDir: string;
  /** Only these decks (file names with or without .md); all when empty. */
  readonly only?: readonly string[];
  readonly html?: boolean;
  /** Where `sim` diagrams come from: given by the caller, which knows its simulator. */
  readonly diagrams?: DiagramSource;
  /** What `agenda` fences list: given by the caller, which knows its sessions. */
  readonly agenda?: AgendaSource;
  /** Files outside the decks folder whose change rebuilds every deck when served (an agenda's source). */
  readonly watchFiles?: readonly string[];
  /** Live widgets, such as a course's race player: drawn and bundled by the caller. */
  readonly widgets?: WidgetSource;
  /** Base for the file names in error messages; the working directory by default. */
  readonly cwd?: string;
  /** A loopback URL whose JSON `{ title, items }` the presenter view shows in a corner (see page.ts). */
  readonly cornerFeed?: string;
}

/**
 * Builds each deck on its own: an error in one (reported with its file and line) never
 * stops the others.
 */
export function buildDecks(options: BuildOptions): DeckResult[] {
  const md = createEngine({
    html: options.html ?? false,
    ...(options.diagrams === undefined ? {} : { diagrams: options.diagrams }),
    ...(options.agenda === undefined ? {} : { agenda: options.agenda }),
    ...(options.widgets === undefined ? {} : { widgets: options.widgets }),
  });
  const cwd = options.cwd ?? process.cwd();
  return selectDecks(options.decksDir, options.only).map((path) => {
    const name = basename(path, '.md');
    const shown = relative(cwd, path) || path;
    try {
      const deck = renderDeck(md, readFileSync(path, 'utf8'), shown, dirname(resolve(path)));
      const page = deck.errors.length === 0 ? deckPage(deck, name, options.cornerFeed) : null;
      return { name, source: path, deck, page, errors: deck.errors };
    } catch (error) {
      // A bug in a plugin must not take the other decks down with it.
      const problem = `the build failed: ${error instanceof Error ? error.message : String(error)}`;
      return { name, source: path, deck: null, page: null, errors: [new DeckError(shown, 1, problem)] };
    }
  });
}

/** Writes `<name>.html`, or removes an old copy when the deck failed: a stale deck is never presented. */
export function writeDeck(result: DeckResult, outDir: string): string | null {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `${result.name}.html`);
  if (result.page === null) {
    rmSync(file, { force: true });
    return null;
  }
  writeFileSync(file, result.page);
  return file;
}

/** The index page: every deck with its title, or the errors that stopped it. */
export function writeIndex(results: readonly DeckResult[], outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'index.html');
  writeFileSync(file, indexPage(results));
  return file;
}
