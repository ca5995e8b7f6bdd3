import { ConfigError, check } from '../config-error.ts';

/** Draws one diagram from a simulator run; the same seed gives the same SVG. */
export interface DiagramEntry {
  readonly description: string;
  draw(options: { readonly seed: number }): string;
}

/** Names usable in a deck's ```sim <name>``` fence; only models that exist are listed. */
const REGISTRY: ReadonlyMap<string, DiagramEntry> = new Map<string, DiagramEntry>([]);

export function diagramNames(): string[] {
  return [...REGISTRY.keys()].sort();
}

export function describeDiagram(name: string): string | undefined {
  return REGISTRY.get(name)?.description;
}

/**
 * Runs the named scenario and draws it. An unknown name is a ConfigError that lists the
 * names that exist, so a typo in a deck reads as one clear line.
 */
export function simDiagram(name: string, options: { readonly seed: number }): string {
  const entry = REGISTRY.get(name);
  if (entry === undefined) {
    const names = diagramNames();
    throw new ConfigError('sim', `no diagram named ${JSON.stringify(name)}`, names.length > 0 ? names.join(', ') : 'none registered yet');
  }
  check.integerAtLeast('seed', options.seed, 0);
  return entry.draw(options);
}
