import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createEngine, renderDeck, type RenderedDeck } from '../../src/engine.ts';
import type { AgendaSource } from '../../src/plugins/agenda.ts';
import type { DiagramSource } from '../../src/plugins/sim-diagram.ts';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** A stand-in for the simulator: knows one diagram, and says which seed it drew. */
export const fakeDiagrams: DiagramSource = (name, { seed }) => {
  if (name !== 'toy') throw new Error(`sim: no diagram named ${JSON.stringify(name)} (valid: toy)`);
  return `<svg data-toy="${seed}"></svg>`;
};

/** A stand-in for a course's lessons. */
export const fakeAgenda: AgendaSource = () => [
  { id: '01', title: 'Reproduce the race', minutes: 40 },
  { id: '02', title: 'Generation checks', minutes: 35 },
];

export interface RenderOptions {
  readonly html?: boolean;
  readonly agenda?: AgendaSource;
  readonly diagrams?: DiagramSource;
}

export function render(source: string, options: RenderOptions = {}): RenderedDeck {
  const md = createEngine({
    html: options.html ?? false,
    diagrams: options.diagrams ?? fakeDiagrams,
    agenda: options.agenda ?? fakeAgenda,
  });
  return renderDeck(md, source, 'deck.md', FIXTURES);
}

export function fixture(name: string): string {
  return readFileSync(`${FIXTURES}${name}`, 'utf8');
}

export function renderFixture(name: string, options: RenderOptions = {}): RenderedDeck {
  const md = createEngine({
    html: options.html ?? false,
    diagrams: options.diagrams ?? fakeDiagrams,
    agenda: options.agenda ?? fakeAgenda,
  });
  return renderDeck(md, fixture(name), name, FIXTURES);
}

/** The errors of a deck as the CLI prints them. */
export function messages(deck: RenderedDeck): string[] {
  return deck.errors.map((e) => e.message);
}

/** The HTML of each <section>, in order. */
export function sections(html: string): string[] {
  return [...html.matchAll(/<section[^>]*>([\s\S]*?)<\/section>/g)].map((m) => m[1] ?? '');
}
