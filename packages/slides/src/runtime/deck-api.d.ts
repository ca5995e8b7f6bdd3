// Types of the deck's runtime scripts (deck.js, overview.js, presenter.js, sync.js),
// which are plain scripts inlined into each page: `tsconfig.runtime.json` checks them with
// these, and `npm test` runs that check.

/** Where a change of state came from: this window, the other window, or a widget redrawing itself. */
type DeckOrigin = 'local' | 'remote' | 'redraw';

/** The deck's whole state: the URL hash holds it (`#2.3;w1=12`). */
interface DeckState {
  index: number;
  fragment: number;
  blank: boolean;
  /** Each live widget's state (a short string it owns), by widget id, once it has left its start. */
  widgets: Record<string, string>;
}

/** What `set` accepts: a state, its widgets optional (kept as they are). */
type DeckTarget = Omit<DeckState, 'widgets'> & { widgets?: Record<string, string> };

/** window.OutageDeck: everything else on the page talks to the deck through it. */
interface OutageDeck {
  readonly slides: readonly HTMLElement[];
  readonly presenter: boolean;
  readonly deckId: string;
  get(): DeckState;
  set(next: DeckTarget, origin: DeckOrigin): void;
  next(): void;
  previous(): void;
  go(index: number): void;
  fragmentsOf(index: number): HTMLElement[];
  headingOf(index: number): string;
  toggleHelp(show?: boolean): void;
  toast(text: string): void;
  onChange(fn: (state: DeckState, origin: DeckOrigin) => void): void;
  widget(id: string): string | null;
  setWidget(id: string, value: string | number | null): void;
  onWidget(fn: (id: string, state: string | null, origin: DeckOrigin) => void): void;
  redrawn(): void;
  readonly keyHandlers: ((event: KeyboardEvent) => boolean)[];
}

interface Window {
  OutageDeck?: OutageDeck;
}

/** What sync.js sends between the audience window and the presenter view. */
interface SyncMessage {
  tag: string;
  deck: string;
  from: string;
  clock: number;
  type: 'state' | 'hello';
  state?: DeckState;
  fresh?: boolean;
}
