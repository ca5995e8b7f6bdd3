import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { browserGate, launchChromium } from '@outage-lab/browser';
import { buildDecks, writeDeck } from '@outage-lab/slides';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deckSources } from '../src/decks/sources.ts';
import { axeViolations } from './support/axe.ts';
import { DECKS_DIR } from './support/decks.ts';

const gate = browserGate();

/** Building the decks, then axe-core on each of about 140 slides: half a minute quiet, a few beside other work. */
const SWEEP_BUDGET_MS = 600_000;

/**
 * Each slide on its own, as the room sees it: the deck at that slide, its live widgets
 * started, every fragment shown. `npm test` checks every slide of a deck in one run
 * (decks.a11y.browser.test.ts); this one also sees the widgets live and the deck's own
 * hiding of the other slides.
 */
describe.skipIf(!gate.run)('axe-core on every slide, one at a time', () => {
  const out = mkdtempSync(join(tmpdir(), 'outage-lab-a11y-'));
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium(gate.run ? gate.executablePath : '');
  }, SWEEP_BUDGET_MS);

  afterAll(async () => {
    await browser?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('finds no violation on any slide of any deck', { timeout: SWEEP_BUDGET_MS }, async () => {
    const results = buildDecks({ ...deckSources(), decksDir: DECKS_DIR });
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce', bypassCSP: true });
    const page = await context.newPage();
    const found: string[] = [];
    for (const result of results) {
      const file = writeDeck(result, out);
      expect(file, `${result.name} did not build`).not.toBeNull();
      await page.goto(`${pathToFileURL(file ?? '').href}#1`);
      for (let n = 1; n <= (result.deck?.slides.length ?? 0); n++) {
        await page.evaluate((hash) => (location.hash = hash), `#${n}`);
        await page.waitForFunction((want) => document.querySelector('.deck > .slide.active')?.getAttribute('data-number') === want, String(n));
        await page.evaluate(() => document.querySelectorAll('.deck > .slide.active .fragment').forEach((f) => f.classList.add('visible')));
        found.push(...(await axeViolations(page, `${result.name} slide ${n}`, '.deck > .slide.active')));
      }
    }
    expect(found).toEqual([]);
  });
});
