import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDecks, writeDeck } from '@outage-lab/slides';
import type { TestProject } from 'vitest/node';
import { deckSources } from '../../src/decks/sources.ts';
import { DECKS_DIR } from './decks.ts';
import { BUILT_DECKS_INDEX, type BuiltDeck } from './built-decks.ts';

/**
 * Vitest's globalSetup for course: builds every deck of `slides/` once per test run, before
 * any test file starts, into a temporary folder that `decks.test.ts`, `decks.browser.test.ts`
 * and `live.browser.test.ts` all read (each built them anew, drawing the simulator's
 * diagrams three times over). Runs outside any test's timeout, so it needs no budget.
 */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'outage-lab-decks-'));
  const decks: BuiltDeck[] = buildDecks({ ...deckSources(), decksDir: DECKS_DIR }).map((result) => ({
    name: result.name,
    file: writeDeck(result, dir),
    errors: result.errors.map((e) => e.message),
    slides: result.deck?.slides ?? [],
  }));
  writeFileSync(join(dir, BUILT_DECKS_INDEX), JSON.stringify(decks));
  project.provide('builtDecksDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
