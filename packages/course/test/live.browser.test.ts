import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { browserGate, launchChromium } from '@outage-lab/browser';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { serveDecks } from '@outage-lab/slides';
import { deckSources } from '../src/decks/sources.ts';
import { REPO_ROOT } from '../src/manifest.ts';
import { builtDecks } from './support/built-decks.ts';
import { offlineContext } from './support/decks.ts';

const gate = browserGate();
if (!gate.run) console.warn(`live widget tests: ${gate.reason}`);

const ROOT = REPO_ROOT;
const RACE = 'smallScope@replay#0:P.a1.P.P.P.a2.a2.a2.a1.a1.a2';

/** The timeline `npm run explore -- --replay` prints: the lines after the report's blank line. */
function exploreTimeline(replay: string): string {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'packages/course/src/explore/cli.ts', '--replay', replay], { cwd: ROOT, encoding: 'utf8' });
  return out.slice(out.indexOf('\n\n') + 2).trimEnd();
}

// Budgets for a busy 2-core machine, not for speed (that is `npm run bench`): a test drives
// Chromium through a player or knobs (up to 2 s on a quiet machine; the October player
// replays its night in the page), and starting Chromium takes a second or two.
const BROWSER_BUDGET_MS = 120_000;
// A knob's night runs in the page: 0.2 s on a quiet laptop, seconds on a busy one.
const REDRAW_BUDGET_MS = 120_000;

describe.skipIf(!gate.run)('live widgets in Chromium', { timeout: BROWSER_BUDGET_MS }, () => {
  // Built once for the whole test run, by the globalSetup in vitest.config.ts.
  const { dir: out, decks: results } = builtDecks();
  let browser: Browser;
  let context: BrowserContext;
  const requested: string[] = [];
  const refused: string[] = [];

  const urlOf = (name: string, hash = ''): string => `${pathToFileURL(join(out, `${name}.html`)).href}${hash}`;
  /** `#n` of the slide with this heading. */
  const slideOf = (name: string, heading: string): string => `#${results.find((r) => r.name === name)?.slides.find((s) => s.heading === heading)?.number ?? 0}`;
  const player = (page: Page): Locator => page.locator('.slide.active .player.live-view');
  const press = async (widget: Locator, label: string, times = 1): Promise<void> => {
    for (let i = 0; i < times; i++) await widget.getByRole('button', { name: label, exact: true }).click();
  };
  const status = (widget: Locator): Promise<string> => widget.locator('.player-status').innerText();
  const view = (widget: Locator): Promise<string> => widget.locator('.player-view').innerHTML();

  const open = async (name: string, hash: string): Promise<Page> => {
    const page = await context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    await page.goto(urlOf(name, hash));
    return page;
  };

  beforeAll(async () => {
    browser = await launchChromium(gate.run ? gate.executablePath : '');
    context = await offlineContext(browser, requested);
  }, BROWSER_BUDGET_MS);

  // The deck's windows follow each other: a page a failed test left open would move the next test's.
  afterEach(async () => {
    for (const page of context.pages()) await page.close();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows, after Step is pressed n times, the trace `npm run explore -- --replay` prints', async () => {
    const expected = exploreTimeline(RACE);
    const page = await open('01-reproduce-the-race', slideOf('01-reproduce-the-race', 'Step through it: the smallest race'));
    const widget = player(page);
    expect(await status(widget)).toMatch(/^step 0 /);
    await press(widget, 'Step', 10);
    expect(await status(widget)).toMatch(/^step 10 /);
    expect(await widget.locator('.player-timeline').innerText()).toBe(expected);
    expect(await widget.locator('.light-broken .light-name').allInnerTexts()).toEqual(['generation-never-regresses']);
    await page.close();
  });

  it('steps with the keys while it has focus, and leaves the deck where it is', async () => {
    const hash = slideOf('01-reproduce-the-race', 'Step through it: the smallest race');
    const page = await open('01-reproduce-the-race', hash);
    const widget = player(page);
    const id = await page.locator('.slide.active figure.widget').getAttribute('data-widget-id');
    await widget.focus();
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowLeft']) await page.keyboard.press(key);
    expect(await status(widget)).toMatch(/^step 2 /);
    expect(new URL(page.url()).hash).toBe(`${hash};${id}=2`);
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowRight');
    expect(new URL(page.url()).hash, 'after Esc the arrows move the deck again').toBe(`#${Number(hash.slice(1)) + 1};${id}=2`);
    await page.close();
  });

  it('goes Back exactly: Back then Step gives an identical view', async () => {
    const page = await open('01-reproduce-the-race', slideOf('01-reproduce-the-race', 'Step through it: the smallest race'));
    const widget = player(page);
    await press(widget, 'Step', 9);
    const atNine = await view(widget);
    await press(widget, 'Step');
    const atTen = await view(widget);
    await press(widget, 'Back');
    expect(await status(widget)).toMatch(/^step 9 /);
    expect(await view(widget)).toBe(atNine);
    await press(widget, 'Step');
    expect(await view(widget)).toBe(atTen);
    await page.close();
  });

  it('says in one line, in the widget, what is wrong with a malformed replay string', async () => {
    const page = await open('01-reproduce-the-race', slideOf('01-reproduce-the-race', 'Step through it: the smallest race'));
    const widget = player(page);
    await press(widget, 'Step', 3);
    const field = widget.getByRole('textbox', { name: 'Replay string' });
    await field.fill('smallScope@replay#0:P.zz');
    await field.press('Enter');
    const error = widget.getByRole('alert');
    expect(await error.innerText()).toBe('replay: step 2 names "zz", which is no actor of smallScope (valid: P, a1, a2, O)');
    await field.fill('october2025 at seven');
    await press(widget, 'Load');
    expect(await error.innerText()).toMatch(/^replay: "october2025 at seven" is not a replay string \(valid: [^\n]+\)$/);
    expect(await status(widget), 'the run on show is left alone').toMatch(/^step 3 /);
    await field.fill('october2025@timed#7');
    await field.press('Enter');
    expect(await error.isVisible()).toBe(false);
    expect(await widget.getByRole('spinbutton', { name: 'Seed' }).inputValue()).toBe('7');
    await page.close();
  });

  it('is followed by the presenter view, and can be driven from it', async () => {
    const main = await open('01-reproduce-the-race', slideOf('01-reproduce-the-race', 'Step through it: the smallest race'));
    const [presenter] = await Promise.all([main.waitForEvent('popup'), main.keyboard.press('p')]);
    await presenter.waitForLoadState();
    await presenter.waitForFunction(() => document.querySelector('.pv-current .player-status') !== null);
    await press(player(main), 'Step', 3);
    await presenter.waitForFunction(() => document.querySelector('.pv-current .live-view .player-status')?.textContent?.startsWith('step 3 ') === true);
    expect(await presenter.locator('.pv-current .live-view .player-view').innerHTML()).toBe(await view(player(main)));
    await presenter.locator('.pv-current .live-view').getByRole('button', { name: 'Back', exact: true }).click();
    await main.waitForFunction(() => document.querySelector('.slide.active .live-view .player-status')?.textContent?.startsWith('step 2 ') === true);
    await presenter.close();
    await main.close();
  });

  it('comes back after a reload with the slide, its fragments and the player’s step', async () => {
    const page = await open('01-reproduce-the-race', '#2');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Space');
    expect(new URL(page.url()).hash).toBe('#2.3');
    await page.reload();
    expect(await page.locator('.slide.active .fragment.visible').count()).toBe(3);
    await page.goto(urlOf('01-reproduce-the-race', slideOf('01-reproduce-the-race', 'Step through it: the smallest race')));
    await press(player(page), 'Step', 4);
    const before = await view(player(page));
    await page.reload();
    expect(await status(player(page))).toMatch(/^step 4 /);
    expect(await view(player(page))).toBe(before);
    await page.close();
  });

  it('prints a static frame: the default schedule at its end', async () => {
    const page = await open('01-reproduce-the-race', slideOf('01-reproduce-the-race', 'Step through it: the smallest race'));
    await press(player(page), 'Step', 2);
    await page.emulateMedia({ media: 'print' });
    const figure = page.locator('.slide.active figure.widget');
    expect(await figure.locator('.widget-frame').isVisible()).toBe(true);
    expect(await figure.locator('.live-view').isVisible()).toBe(false);
    expect(await figure.locator('.widget-frame .player-status').innerText()).toMatch(/^step 11 .*run ended/);
    await page.close();
  });

  it('redraws the chart when a knob moves, and the lesson setting redraws the build-time chart', async () => {
    const page = await open('03-nlb-velocity-control', slideOf('03-nlb-velocity-control', 'Turn the knobs: floor and budget'));
    const live = page.locator('.slide.active .knobs.live-view');
    const built = await page.locator('.slide.active .widget-frame .knob-chart').innerHTML();
    const chart = live.locator('.knob-chart');
    expect(await chart.innerHTML()).toBe(built);
    const floor = live.getByRole('slider', { name: 'Floor: capacity kept in DNS' });
    await floor.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => chart.getAttribute('data-setting'), { timeout: REDRAW_BUDGET_MS }).toBe('0,1,60');
    expect(await chart.innerHTML()).not.toBe(built);
    expect(await chart.innerHTML()).toContain('floor 0 of 3 AZs');
    expect(new URL(page.url()).hash).toMatch(/;w1=0%2C1%2C60$/);
    await live.getByRole('button', { name: 'Lesson setting' }).click();
    await expect.poll(() => chart.getAttribute('data-setting'), { timeout: REDRAW_BUDGET_MS }).toBe('2,1,60');
    expect(await chart.innerHTML(), 'drawn again in the page, equal to the one drawn at build time').toBe(built);
    expect(new URL(page.url()).hash).not.toContain(';w1=');
    await page.close();
  });

  it('moves lesson 04’s queueShare and keeps the setting across a reload', async () => {
    const page = await open('04-ec2-throttling', slideOf('04-ec2-throttling', 'Turn the knob: queueShare'));
    const live = page.locator('.slide.active .knobs.live-view');
    const built = await live.locator('.knob-chart').innerHTML();
    const share = live.getByRole('slider', { name: /queueShare/ });
    await share.fill('1.5');
    await expect.poll(() => live.locator('.knob-chart').getAttribute('data-setting'), { timeout: REDRAW_BUDGET_MS }).toBe('1.5');
    const moved = await live.locator('.knob-chart').innerHTML();
    expect(moved).not.toBe(built);
    await page.reload();
    await expect.poll(() => page.locator('.slide.active .knobs.live-view .knob-chart').getAttribute('data-setting'), { timeout: REDRAW_BUDGET_MS }).toBe('1.5');
    expect(await page.locator('.slide.active .knobs.live-view .knob-chart').innerHTML()).toBe(moved);
    expect(await page.getByRole('slider', { name: /queueShare/ }).inputValue()).toBe('1.5');
    await page.close();
  });

  it('is mirrored by a second audience window when the deck is served', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slides-live-serve-'));
    writeFileSync(join(dir, 'race.md'), `## The race\n\n\`\`\`sim-player ${RACE}\n\`\`\`\n\n<!-- notes -->\n`);
    const server = await serveDecks({ ...deckSources(), decksDir: dir, outDir: join(dir, 'dist'), port: 0 });
    const served = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    // The network stays blocked here too: the only thing a served deck may reach is its own server.
    const strays: string[] = [];
    await served.route('**/*', (route) => {
      if (route.request().url().startsWith(server.url)) return route.continue();
      strays.push(route.request().url());
      return route.abort();
    });
    try {
      const [first, second] = [await served.newPage(), await served.newPage()];
      for (const page of [first, second]) await page.goto(`${server.url}race.html#1`);
      // The window pressed is the one in front, as on a presenter's screen: a page behind
      // gets few animation frames, and each click waited about 2 s for its button to be still.
      await first.bringToFront();
      await press(player(first), 'Step', 5);
      await second.waitForFunction(() => document.querySelector('.slide.active .live-view .player-status')?.textContent?.startsWith('step 5 ') === true);
      expect(await view(player(second))).toBe(await view(player(first)));
      expect(new URL(second.url()).hash).toBe('#1;w1=5');
      expect(strays, 'a served deck asks only its own server').toEqual([]);
    } finally {
      await served.close();
      await server.close();
    }
  });

  it('runs under the strict policy and asks for nothing that is not a local file', () => {
    expect(refused).toEqual([]);
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => !url.startsWith('file://'))).toEqual([]);
  });
});
