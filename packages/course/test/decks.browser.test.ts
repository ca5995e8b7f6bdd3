import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { browserGate, launchChromium } from '@outage-lab/browser';
import { exportPdfs, serveDecks } from '@outage-lab/slides';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deckSources } from '../src/decks/sources.ts';
import { builtDecks } from './support/built-decks.ts';
import { DECKS_DIR, offlineContext } from './support/decks.ts';
import { decodePng, inkShare } from './support/png.ts';

const gate = browserGate();
if (!gate.run) console.warn(`deck browser tests: ${gate.reason}`);

// A test drives Chromium through every deck, or prints one: up to 2 s on a quiet machine,
// and decks with live widgets replay the model in the page when they open. Starting
// Chromium takes a second or two. Guards for a busy 2-core machine, not timing assertions.
const BROWSER_BUDGET_MS = 120_000;

describe.skipIf(!gate.run)('the workshop decks in Chromium', { timeout: BROWSER_BUDGET_MS }, () => {
  // Built once for the whole test run, by the globalSetup in vitest.config.ts.
  const { dir: out, decks: results } = builtDecks();
  let browser: Browser;
  let context: BrowserContext;
  /** Every URL any page of the context asked for. */
  const requested: string[] = [];

  const urlOf = (name: string, hash = ''): string => `${pathToFileURL(join(out, `${name}.html`)).href}${hash}`;
  const slideCount = (name: string): number => results.find((r) => r.name === name)?.slides.length ?? 0;
  const current = async (page: Page): Promise<string> => (await page.locator('.deck > .slide.active').getAttribute('data-number')) ?? 'none';

  beforeAll(async () => {
    browser = await launchChromium(gate.run ? gate.executablePath : '');
    context = await offlineContext(browser, requested);
  }, BROWSER_BUDGET_MS);

  afterAll(async () => {
    await browser?.close();
  });

  it('moves with the arrow keys, Space, PageUp/PageDown, Home and End, and shows the slide in the hash', async () => {
    const page = await context.newPage();
    await page.goto(urlOf('01-reproduce-the-race'));
    expect(new URL(page.url()).hash).toBe('#1');
    await page.keyboard.press('ArrowRight');
    expect(await current(page)).toBe('2');
    // Slide 2 tells the story one line at a time: five steps before the next slide.
    for (let i = 0; i < 5; i++) await page.keyboard.press('Space');
    expect(await page.locator('.slide.active .fragment.visible').count()).toBe(5);
    expect(new URL(page.url()).hash, 'the hash keeps how many fragments are shown').toBe('#2.5');
    await page.keyboard.press('PageDown');
    expect(await current(page)).toBe('3');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowLeft');
    expect(await current(page)).toBe('3');
    await page.keyboard.press('PageUp');
    expect(await current(page), 'going back lands on the story with every line shown').toBe('2');
    expect(await page.locator('.slide.active .fragment.visible').count()).toBe(5);
    await page.keyboard.press('End');
    expect(new URL(page.url()).hash).toBe(`#${slideCount('01-reproduce-the-race')}`);
    await page.keyboard.press('Home');
    expect(await current(page)).toBe('1');
    await page.keyboard.press('ArrowUp');
    expect(await current(page), 'there is nothing before the first slide').toBe('1');
    await page.close();
  });

  it('keeps its slide across a reload, and follows a hash typed into the address bar', async () => {
    const page = await context.newPage();
    await page.goto(urlOf('03-nlb-velocity-control', '#4'));
    expect(await current(page)).toBe('4');
    await page.keyboard.press('ArrowRight');
    await page.reload();
    expect(await current(page)).toBe('5');
    await page.evaluate(() => {
      location.hash = '#2';
    });
    await page.waitForFunction(() => document.querySelector('.deck > .slide.active')?.getAttribute('data-number') === '2');
    await page.close();
  });

  it('opens the presenter view on p, and the two windows follow each other', async () => {
    const main = await context.newPage();
    await main.goto(urlOf('04-ec2-throttling', '#2'));
    const [presenter] = await Promise.all([main.waitForEvent('popup'), main.keyboard.press('p')]);
    await presenter.waitForLoadState();
    expect(new URL(presenter.url()).search).toBe('?presenter');
    await presenter.waitForFunction(() => location.hash === '#2');
    await expect.poll(() => presenter.locator('.pv-notes-text').textContent()).toContain('DWFM is the DropletWorkflow Manager');
    expect(await presenter.locator('.pv-current .slide').getAttribute('data-number')).toBe('2');
    expect(await presenter.locator('.pv-next .slide').getAttribute('data-number')).toBe('3');
    expect(await presenter.locator('.pv-clock').textContent()).toMatch(/^\d\d:\d\d$/);

    for (let i = 0; i < 6; i++) await main.keyboard.press('ArrowRight');
    await presenter.waitForFunction(() => location.hash === '#3');
    expect(await presenter.locator('.pv-current .slide').getAttribute('data-number')).toBe('3');

    await presenter.keyboard.press('End');
    const last = String(slideCount('04-ec2-throttling'));
    await main.waitForFunction((n) => location.hash === `#${n}`, last);
    expect(await current(main)).toBe(last);
    expect(await presenter.locator('.pv-next').textContent()).toContain('End of the deck');

    await presenter.keyboard.press('b');
    await main.waitForFunction(() => document.body.classList.contains('blanked'));
    await main.keyboard.press('b');
    await presenter.waitForFunction(() => document.querySelector('.pv-position')?.textContent?.includes('screen blanked') === false);

    await presenter.locator('.pv-reset').click();
    expect(await presenter.locator('.pv-elapsed').textContent()).toMatch(/^00:00:0\d$/);

    // A reloaded audience window finds the presenter view again.
    await main.reload();
    await main.keyboard.press('Home');
    await presenter.waitForFunction(() => location.hash === '#1');
    await presenter.close();
    await main.close();
  });

  it('opens the overview grid on o, steps through it and jumps to a slide on click', async () => {
    const page = await context.newPage();
    await page.goto(urlOf('00-outage-and-architecture', '#3'));
    await page.keyboard.press('o');
    const overview = page.locator('.deck-overview');
    expect(await overview.isVisible()).toBe(true);
    expect(await overview.locator('.overview-thumb').count()).toBe(slideCount('00-outage-and-architecture'));
    expect(await overview.locator('.overview-thumb.current .overview-number').textContent()).toBe('3');
    await page.keyboard.press('ArrowRight');
    expect(await overview.locator('.overview-thumb.current .overview-number').textContent()).toBe('4');
    await page.keyboard.press('Enter');
    expect(await overview.isVisible()).toBe(false);
    expect(new URL(page.url()).hash).toBe('#4');
    await page.keyboard.press('o');
    await overview.locator('.overview-thumb').nth(6).click();
    expect(await overview.isVisible()).toBe(false);
    expect(await current(page)).toBe('7');
    await page.close();
  });

  it('shows the keys on ?, and blanks the screen on b', async () => {
    const page = await context.newPage();
    await page.goto(urlOf('06-wrap-up'));
    await page.keyboard.press('?');
    expect(await page.locator('.deck-help').isVisible()).toBe(true);
    expect(await page.locator('.deck-help').textContent()).toContain('presenter view (second window)');
    await page.keyboard.press('Escape');
    expect(await page.locator('.deck-help').isVisible()).toBe(false);
    await page.keyboard.press('b');
    expect(await page.evaluate(() => document.body.classList.contains('blanked'))).toBe(true);
    const blank = inkShare(decodePng(await page.screenshot()));
    expect(blank, 'a blanked screen should be black').toBe(0);
    await page.close();
  });

  it('draws something on a slide of every deck (not a blank page)', async () => {
    const page = await context.newPage();
    for (const result of results) {
      await page.goto(urlOf(result.name, '#2'));
      await page.evaluate(() => document.querySelectorAll('.fragment').forEach((f) => f.classList.add('visible')));
      const ink = inkShare(decodePng(await page.screenshot()));
      expect(ink, `${result.name} slide 2 looks blank`).toBeGreaterThan(0.02);
    }
    await page.close();
  });

  it('fits every slide of every deck on the screen: no clipped text or code', async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    for (const result of results) {
      await page.goto(urlOf(result.name));
      const found = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('.deck > .slide')).flatMap((slide) => {
          slide.classList.add('active');
          const box = slide.getBoundingClientRect();
          const bad = Array.from(slide.children)
            .filter((child) => !child.matches('aside.notes, footer'))
            .filter((child) => child.getBoundingClientRect().bottom > box.bottom - 40 || child.scrollHeight > child.clientHeight + 2 || child.scrollWidth > child.clientWidth + 2)
            .map((child) => `slide ${slide.dataset['number']}: <${child.tagName.toLowerCase()}> does not fit`);
          slide.classList.remove('active');
          return bad;
        }),
      );
      problems.push(...found.map((p) => `${result.name} ${p}`));
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('prints one slide per page to PDF', async () => {
    const name = '06-wrap-up';
    // Printed beside a copy of its own, not into the folder the other deck test files read.
    const pdfOut = mkdtempSync(join(tmpdir(), 'slides-browser-pdf-'));
    const [pdf] = await exportPdfs([join(out, `${name}.html`)], pdfOut, gate.run ? gate.executablePath : '');
    const text = readFileSync(pdf ?? '', 'latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.match(/\/Type\s*\/Page\b/g)?.length).toBe(slideCount(name));
  });

  it('never asks for anything that is not a local file', () => {
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => !url.startsWith('file://'))).toEqual([]);
  });

  it('talks only to 127.0.0.1 when served', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slides-browser-serve-'));
    copyFileSync(join(DECKS_DIR, '06-wrap-up.md'), join(dir, 'basic.md'));
    const server = await serveDecks({ ...deckSources(), decksDir: dir, outDir: join(dir, 'dist'), port: 0 });
    const served = await browser.newContext();
    const urls: string[] = [];
    served.on('request', (request) => urls.push(request.url()));
    const page = await served.newPage();
    await page.goto(`${server.url}basic.html`);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => location.hash === '#2');
    await page.reload();
    expect(await current(page)).toBe('2');
    await served.close();
    await server.close();
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((url) => !url.startsWith(server.url))).toEqual([]);
  });
});
