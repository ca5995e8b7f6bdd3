/** What a widget may use of the deck (window.OutageDeck, from the slide engine's runtime). */
export interface Deck {
  readonly slides: readonly HTMLElement[];
  readonly presenter: boolean;
  get(): { readonly index: number };
  onChange(fn: (state: { readonly index: number }, origin: string) => void): void;
  widget(id: string): string | null;
  setWidget(id: string, value: string | null): void;
  onWidget(fn: (id: string, value: string | null, origin: string) => void): void;
  /** Tells the presenter view that a widget drew itself anew without a change of state. */
  redrawn(): void;
}

export function deckOf(): Deck | null {
  const deck = (window as unknown as { OutageDeck?: Deck }).OutageDeck;
  return deck ?? null;
}

/** Whether `element` is on the slide the deck shows. */
export function onCurrentSlide(deck: Deck, element: Element): boolean {
  const slide = deck.slides[deck.get().index];
  return slide !== undefined && slide.contains(element);
}

/** An element with a class and optional text, the way the widgets build their controls. */
export function make<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = ''): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className !== '') element.className = className;
  if (text !== '') element.textContent = text;
  return element;
}

export function button(label: string, className: string): HTMLButtonElement {
  const b = make('button', className, label);
  b.type = 'button';
  return b;
}

/** A field with its visible label, so its accessible name is the label. */
export function field(label: string, input: HTMLInputElement | HTMLSelectElement): HTMLLabelElement {
  const wrapper = make('label', 'widget-field');
  wrapper.append(make('span', 'widget-label', label), input);
  return wrapper;
}
