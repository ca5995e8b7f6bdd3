/** A live widget's script, inlined once per deck that uses it. */
export interface WidgetScript {
  readonly name: string;
  readonly code: string;
  readonly css?: string;
}
