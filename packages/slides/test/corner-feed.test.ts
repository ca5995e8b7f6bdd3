import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { browserGate, launchChromium } from '@outage-lab/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDecks, writeDeck } from '../src/build.ts';
import { cornerFeedOrigin } from '../src/page.ts';

const gate = browserGate();

/** A deck built with a corner feed: a loopback URL answering `{ title, items }`, such as the class board's "most stuck". */
describe('the presenter view corner feed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'slides-corner-'));
  let feed: Server;
  let feedUrl = '';
  beforeAll(async () => {
    mkdirSync(join(dir, 'decks'));
    writeFileSync(join(dir, 'decks', 'talk.md'), '# A talk\n\n---\n\n# Second\n');
    feed = createServer((req, res) => {
      // A file:// deck's origin is "null"; a served one is http://127.0.0.1:port.
      res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': req.headers.origin ?? '*' });
      res.end(JSON.stringify({ title: 'Most stuck', items: ['Lesson 02 · step 1: clean-up spares the active plan: 7 learners', '<b>not markup</b>'] }));
    });
    await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
    feedUrl = `http://127.0.0.1:${(feed.address() as AddressInfo).port}/api/stuck`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => feed.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets the page reach that one loopback origin, and no other', () => {
    const [result] = buildDecks({ decksDir: join(dir, 'decks'), cornerFeed: feedUrl });
    expect(result?.page).toContain(`connect-src 'self' ${new URL(feedUrl).origin};`);
    expect(result?.page).toContain(`data-corner-feed="${feedUrl}"`);
    const [plain] = buildDecks({ decksDir: join(dir, 'decks') });
    expect(plain?.page).toContain("connect-src 'self';");
    expect(plain?.page).not.toContain('data-corner-feed');
    for (const url of ['http://192.168.1.20:4100/api/stuck', 'https://127.0.0.1:4100/', 'http://evil.example/']) expect(() => cornerFeedOrigin(url)).toThrow(/loopback/);
  });

  // Starts Chromium and loads a deck: 1 to 3 s on a quiet machine. A guard for a busy 2-core machine, not a timing assertion.
  it.skipIf(!gate.run)("shows the feed's list in a corner of the presenter view, as text", async () => {
    if (!gate.run) return;
    const [result] = buildDecks({ decksDir: join(dir, 'decks'), cornerFeed: feedUrl });
    if (result === undefined) throw new Error('no deck');
    const file = writeDeck(result, join(dir, 'out'));
    if (file === null) throw new Error('the deck did not build');
    const browser = await launchChromium(gate.executablePath);
    try {
      const page = await browser.newPage();
      await page.goto(`${pathToFileURL(file).href}?presenter#1`);
      await page.locator('.pv-corner-items li').first().waitFor();
      expect(await page.locator('.pv-corner-title').textContent()).toBe('Most stuck');
      expect(await page.locator('.pv-corner-items li').allTextContents()).toEqual(['Lesson 02 · step 1: clean-up spares the active plan: 7 learners', '<b>not markup</b>']);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
