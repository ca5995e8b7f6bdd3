/** A live widget's script, inlined once per deck that uses it. */
export interface WidgetScript {
  readonly name: string;
  readonly code: string;
  readonly css?: string;
  /** What it calls itself in the deck's help overlay, e.g. `Race player`. */
  readonly title?: string;
  /** The keys it takes while it has focus, as [keys, what they do]: listed in the deck's help overlay. */
  readonly keys?: readonly (readonly [string, string])[];
}
