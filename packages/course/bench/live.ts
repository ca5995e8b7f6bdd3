import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { browserGate, launchChromium } from '@outage-lab/browser';
import type { Page } from 'playwright-core';
import { buildDecks, writeDeck, type DeckResult } from '@outage-lab/slides';
import { forgetMemos } from '@outage-lab/core';
import { median } from '@outage-lab/core/bench/stats.ts';
import { deckSources } from '../src/decks/sources.ts';

export const SLIDES_KEYS = ['slides.buildAllMs', 'slides.playerStepMs', 'slides.playerStepMs.smallScope', 'slides.playerBackMs', 'slides.knobRedrawMs', 'slides.knobRedrawMs.nlb', 'slides.knobRedrawMs.ec2'];

const round = (n: number): number => Math.round(n * 10) / 10;

function slideOf(results: readonly DeckResult[], deck: string, heading: string): string {
  const number = results.find((r) => r.name === deck)?.deck?.slides.find((s) => s.heading === heading)?.number;
  if (number === undefined) throw new Error(`no slide "${heading}" in ${deck}`);
  return `#${number}`;
}

/** Times `count` presses of a player's button inside the page: the handler runs synchronously, so each press is step, draw and hash. */
async function pressTimes(page: Page, label: string, count: number): Promise<number[]> {
  return page.evaluate(
    ([name, n]) => {
      const buttons = Array.from(document.querySelectorAll<HTMLButtonElement>('.slide.active .player.live-view button'));
      const target = buttons.find((b) => b.textContent === name);
      if (target === undefined) throw new Error(`no ${name} button`);
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const started = performance.now();
        target.click();
        times.push(performance.now() - started);
      }
      return times;
    },
    [label, count] as const,
  );
}

/** Times each new setting from the slider's input event to the new chart on screen (progress line, night, drawing). */
async function redrawTimes(page: Page, settings: readonly (readonly number[])[]): Promise<number[]> {
  return page.evaluate(async (all) => {
    const sliders = Array.from(document.querySelectorAll<HTMLInputElement>('.slide.active .knobs.live-view input[type=range]'));
    const chart = document.querySelector<HTMLElement>('.slide.active .knobs.live-view .knob-chart');
    if (chart === null || sliders.length === 0) throw new Error('no knobs on this slide');
    const times: number[] = [];
    for (const values of all) {
      const wanted = values.join(',');
      const started = performance.now();
      values.forEach((v, i) => {
        const slider = sliders[i];
        if (slider !== undefined) slider.value = String(v);
      });
      sliders[0]?.dispatchEvent(new Event('input', { bubbles: true }));
      while (chart.dataset['setting'] !== wanted) await new Promise((ok) => requestAnimationFrame(ok));
      times.push(performance.now() - started);
    }
    return times;
  }, settings);
}

/**
 * `slides.*`: how long building every deck takes, each deck's size, and in headless
 * Chromium the median player step (October night and small scope), Back on the October
 * night, and the median knob redraw on lessons 03 and 04.
 */
export async function benchSlides(): Promise<Record<string, number>> {
  const gate = browserGate();
  if (!gate.run) throw new Error(gate.reason);
  const out = mkdtempSync(join(tmpdir(), 'bench-slides-'));
  // A cold build: the nights an earlier section of the same process ran would be reused.
  forgetMemos();
  const started = performance.now();
  const results = buildDecks(deckSources());
  const buildMs = performance.now() - started;
  const figures: Record<string, number> = { 'slides.buildAllMs': Math.round(buildMs) };
  for (const result of results) {
    const file = writeDeck(result, out);
    if (file === null) throw new Error(`${result.name} did not build: ${result.errors.map((e) => e.message).join('; ')}`);
    figures[`slides.deckKB.${result.name}`] = round(statSync(file).size / 1024);
  }
  const browser = await launchChromium(gate.executablePath);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.route('**/*', (route) => (route.request().url().startsWith('file://') ? route.continue() : route.abort()));
    const page = await context.newPage();
    const url = (deck: string, hash: string): string => `${pathToFileURL(join(out, `${deck}.html`)).href}${hash}`;

    await page.goto(url('01-reproduce-the-race', slideOf(results, '01-reproduce-the-race', 'Step through it: the October night')));
    await page.waitForSelector('.slide.active .player.live-view .player-status');
    const october = await pressTimes(page, 'Step', 60);
    figures['slides.playerStepMs'] = round(median(october.slice(10)));
    figures['slides.playerBackMs'] = round(median(await pressTimes(page, 'Back', 3)));

    await page.goto(url('01-reproduce-the-race', slideOf(results, '01-reproduce-the-race', 'Step through it: the smallest race')));
    await page.reload();
    await page.waitForSelector('.slide.active .player.live-view .player-status');
    figures['slides.playerStepMs.smallScope'] = round(median((await pressTimes(page, 'Step', 11)).slice(1)));

    await page.goto(url('03-nlb-velocity-control', slideOf(results, '03-nlb-velocity-control', 'Turn the knobs: floor and budget')));
    await page.reload();
    const nlb = await redrawTimes(page, [[1, 1, 60], [0, 3, 60], [2, 2, 60], [2, 1, 30], [1, 2, 120], [3, 1, 60], [0, 1, 10]]);
    await page.goto(url('04-ec2-throttling', slideOf(results, '04-ec2-throttling', 'Turn the knob: queueShare')));
    await page.reload();
    const ec2 = await redrawTimes(page, [[0.25], [0.75], [1], [1.5], [0.1], [0.35], [0.6]]);
    figures['slides.knobRedrawMs.nlb'] = round(median(nlb));
    figures['slides.knobRedrawMs.ec2'] = round(median(ec2));
    figures['slides.knobRedrawMs'] = round(median([...nlb, ...ec2]));
  } finally {
    await browser.close();
    rmSync(out, { recursive: true, force: true });
  }
  return figures;
}
