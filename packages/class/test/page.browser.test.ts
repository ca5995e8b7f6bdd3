import { browserGate, launchChromium } from '@outage-lab/browser';
import { afterAll, describe, expect, it } from 'vitest';
import { join, progress, removeDir, startBoard, tempDir, verdict } from './support/board.ts';

/** Throws under CI when no browser is installed: there a missing browser is a failure, not a skip. */
const gate = browserGate();
if (!gate.run) console.warn(`class: ${gate.reason}`);

const MINUTE = 60_000;

describe.skipIf(!gate.run)("the board page in Debian's Chromium", () => {
  const dir = tempDir();
  afterAll(() => removeDir(dir));

  // Starts a board and Chromium and waits on the page: about 2 s on a quiet machine. A guard for a busy 2-core machine, not a timing assertion.
  it('shows each learner and their failing step, live, highlights who is stuck, and escapes names', { timeout: 120_000 }, async () => {
    if (!gate.run) return;
    let clock = Date.parse('2025-10-20T07:00:00.000Z');
    const t = await startBoard(dir, { now: () => clock, stuckAfterMs: 10 * MINUTE });
    const browser = await launchChromium(gate.executablePath);
    try {
      const name = 'Ada <img src=x onerror=alert(1)>';
      const ada = await join(t.url, t.code, name);
      const grace = await join(t.url, t.code, 'Grace');
      expect((await progress(t.url, t.code, ada, verdict('02', 1, 3))).status).toBe(204);
      expect((await progress(t.url, t.code, grace, verdict('01', 3, 3))).status).toBe(204);
      clock += 11 * MINUTE;
      // Same failing step eleven minutes later: Ada is stuck on it.
      expect((await progress(t.url, t.code, ada, verdict('02', 1, 3, '2025-10-20T07:11:00.000Z', 2))).status).toBe(204);

      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (r) => void requests.push(r.url()));
      await page.goto(t.board.localUrl);
      const row = page.locator('tr', { has: page.locator('th.name', { hasText: 'Ada <img' }) });
      await row.locator('td[data-lesson="02"] .step').waitFor();
      expect(await row.locator('th.name').textContent(), 'the name is text, not markup').toBe(name);
      expect(await page.locator('img').count()).toBe(0);
      const cell = row.locator('td[data-lesson="02"]');
      expect(await cell.locator('.count').textContent()).toBe('1/3');
      expect(await cell.locator('.step').textContent()).toBe('step 2: the 2th thing');
      expect(await cell.locator('.meta').textContent()).toBe('11 min on it · 2 hints');
      expect(await cell.getAttribute('class')).toContain('stuck');
      const graceCell = page.locator('tr', { has: page.locator('th.name', { hasText: 'Grace' }) }).locator('td[data-lesson="01"]');
      expect(await graceCell.getAttribute('class')).toContain('done');
      expect(await page.locator('ol.stuck li').first().textContent()).toBe('Lesson 02 · step 2: the 2th thing — 1 learner (1 over 10 min)');
      expect(await page.locator('.join code').textContent()).toBe(`npm run class -- join ${t.url} ${t.code}`);

      // The instructor raises the threshold: Ada is no longer highlighted.
      await page.locator('input.threshold').fill('15');
      await page.locator('input.threshold').dispatchEvent('change');
      expect(await cell.getAttribute('class')).not.toContain('stuck');

      // Live: Ada's next verdict reaches the open page without a reload.
      expect((await progress(t.url, t.code, ada, verdict('02', 3, 3))).status).toBe(204);
      await page.locator('tr td[data-lesson="02"].done').waitFor();
      expect(await page.locator('ol.stuck li').first().textContent()).toBe('Nobody is on a failing step.');

      await page.locator('button.large').click();
      expect(await page.locator('body').getAttribute('class')).toBe('large');
      expect(requests.every((u) => u.startsWith(t.board.localUrl)), `only the board's own origin: ${requests.join(' ')}`).toBe(true);
      expect(await page.title()).toBe('Class board · Outage Lab');
    } finally {
      await browser.close();
      await t.close();
    }
  });
});
