import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { browserGate, launchChromium } from '@outage-lab/browser';
import { writeIndex } from '@outage-lab/slides';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAYER_KEYS } from '../src/live/player-keys.ts';
import { axeViolations } from './support/axe.ts';
import { builtDecks } from './support/built-decks.ts';

const gate = browserGate();

// Chromium's start and axe-core over every slide of a deck take seconds on a busy 2-core
// machine. Guards, not timing assertions.
const BROWSER_BUDGET_MS = 120_000;

describe.skipIf(!gate.run)('the decks for everyone in the room', { timeout: BROWSER_BUDGET_MS }, () => {
  const { dir: out, decks } = builtDecks();
  let browser: Browser;
  let context: BrowserContext;
  const urlOf = (name: string, hash = ''): string => `${pathToFileURL(join(out, `${name}.html`)).href}${hash}`;

  beforeAll(async () => {
    browser = await launchChromium(gate.run ? gate.executablePath : '');
    // axe-core is injected as a script, which the decks' Content-Security-Policy forbids.
    context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce', bypassCSP: true });
  }, BROWSER_BUDGET_MS);

  afterAll(async () => {
    await browser?.close();
  });

  /**
   * Every slide of a deck at once, as a browser without script shows them, with every
   * fragment shown: one axe-core run a deck. `npm run test:long` checks each slide on its
   * own, as the room sees it, live widgets started.
   */
  const everySlide = async (page: Page, name: string): Promise<string[]> => {
    await page.goto(urlOf(name));
    await page.evaluate(() => {
      document.body.classList.remove('deck-ready');
      // The deck hides the slides off screen from assistive technology; here they are all on screen.
      document.querySelectorAll('.deck > .slide').forEach((slide) => slide.removeAttribute('aria-hidden'));
      document.querySelectorAll('.fragment').forEach((f) => f.classList.add('visible'));
    });
    return axeViolations(page, name);
  };

  it('axe-core finds no violation on any slide of any deck, the frames of widgets included', async () => {
    const page = await context.newPage();
    const found: string[] = [];
    for (const deck of decks) found.push(...(await everySlide(page, deck.name)));
    expect(found).toEqual([]);
    await page.close();
  });

  it('axe-core finds no violation on the deck index', async () => {
    const page = await context.newPage();
    const results = decks.map((d) => ({ name: d.name, source: d.name, deck: null, page: d.file === null ? null : '', errors: [] }));
    await page.goto(pathToFileURL(writeIndex(results, out)).href);
    expect(await axeViolations(page, 'index')).toEqual([]);
    await page.close();
  });

  it('lists the race player\'s keys in the help overlay, and the player obeys them', async () => {
    const page = await context.newPage();
    await page.goto(urlOf('01-reproduce-the-race', '#5'));
    await page.keyboard.press('?');
    const help = (await page.locator('.deck-help').textContent()) ?? '';
    for (const key of PLAYER_KEYS) expect(help, `the help overlay should list ${key.label}`).toContain(key.what);
    await page.keyboard.press('Escape');
    const player = page.locator('.deck > .slide.active .live-view');
    const status = player.locator('.player-status');
    const step = async (): Promise<number> => Number(/^step (\d+)/.exec((await status.textContent()) ?? '')?.[1] ?? NaN);
    await player.focus();
    await page.keyboard.press('Home');
    const start = await step();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(step).toBe(start + 2);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(step).toBe(start + 1);
    await page.keyboard.press('Home');
    await expect.poll(step).toBe(start);
    expect(await page.locator('.deck > .slide.active').getAttribute('data-number'), 'the deck keeps its slide while the player has the keys').toBe('5');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('.deck > .slide.active').getAttribute('data-number'), 'after Esc the arrows move the deck again').toBe('6');
    await page.close();
  });
});
