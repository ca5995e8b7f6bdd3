import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { browserGate, launchChromium } from '@outage-lab/browser';
import { BoardService, serveBoard, type RunningBoard } from '@outage-lab/class';
import { deckSources } from '@outage-lab/course/decks';
import { runCommand } from '@outage-lab/slides';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const gate = browserGate();

/** Building one deck (its diagrams replay the model), then Chromium's start: seconds on a busy 2-core laptop. A guard. */
const BUDGET_MS = 120_000;

/** A learner joins the board and reports a lesson with `passed` of `total` steps green. */
async function learner(board: RunningBoard, code: string, name: string, lesson: string, passed: number, total: number): Promise<void> {
  const joined = await fetch(new URL('/api/join', board.joinUrl), { method: 'POST', headers: { 'content-type': 'application/json', 'x-join-code': code }, body: JSON.stringify({ name }) });
  if (joined.status !== 201) throw new Error(`join refused: ${joined.status} ${await joined.text()}`);
  const { token } = (await joined.json()) as { token: string };
  const steps = Array.from({ length: total }, (_, i) => ({ name: `step ${i + 1}: check ${i + 1}`, state: i < passed ? 'passed' : 'failed' }));
  const sent = await fetch(new URL('/api/progress', board.joinUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-join-code': code, authorization: `Bearer ${token}` },
    body: JSON.stringify({ v: 1, lessons: [{ id: lesson, title: `Lesson ${lesson}`, steps, hints: 0, at: '2025-10-20T06:48:00.000Z' }] }),
  });
  if (!sent.ok) throw new Error(`progress refused: ${sent.status} ${await sent.text()}`);
}

describe.skipIf(!gate.run)('npm run slides -- serve --board <url>: the class in the presenter view', { timeout: BUDGET_MS }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'outage-lab-presenter-board-'));
  let service: BoardService;
  let board: RunningBoard;

  beforeAll(async () => {
    service = new BoardService({ logPath: join(dir, 'board', 'board.jsonl') });
    board = await serveBoard({ service, addresses: ['127.0.0.1'], port: 0, stuckAfterMs: 600_000 });
    await learner(board, service.code, 'Hedy', '02', 1, 9);
    await learner(board, service.code, 'Radia', '02', 9, 9);
    await learner(board, service.code, 'Ken', '03', 0, 8);
  }, BUDGET_MS);

  afterAll(async () => {
    await board?.close();
    service?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("shows how many learners are on each lesson and who is stuck longest, from the board's address", async () => {
    const out = join(dir, 'decks');
    const lines: string[] = [];
    const io = { out: (line: string) => void lines.push(line), err: (line: string) => void lines.push(line) };
    const code = await runCommand(['build', '01-reproduce-the-race', '--out', out, '--board', board.joinUrl], io, deckSources());
    expect(code, lines.join('\n')).toBe(0);
    const browser = await launchChromium(gate.run ? gate.executablePath : '');
    try {
      const page = await browser.newPage();
      await page.goto(`${pathToFileURL(join(out, '01-reproduce-the-race.html')).href}?presenter#1`);
      await page.locator('.pv-corner-items li').first().waitFor();
      expect(await page.locator('.pv-corner-title').textContent()).toBe('Class');
      const items = await page.locator('.pv-corner-items li').allTextContents();
      expect(items.slice(0, 2)).toEqual(['Lesson 02: 2 learners', 'Lesson 03: 1 learner']);
      expect(items.filter((i) => i.startsWith('Stuck longest: ')).map((i) => i.replace(/ \(\d+ min\)$/, ''))).toEqual(
        expect.arrayContaining(['Stuck longest: Hedy, lesson 02 · step 2: check 2', 'Stuck longest: Ken, lesson 03 · step 1: check 1']),
      );
      expect(items.join('\n'), 'Radia is green: not stuck').not.toContain('Radia');
    } finally {
      await browser.close();
    }
  });

  it('refuses a board that is not on this machine, in one line', async () => {
    const lines: string[] = [];
    const io = { out: (line: string) => void lines.push(line), err: (line: string) => void lines.push(line) };
    expect(await runCommand(['serve', '--board', 'http://192.168.1.20:4100'], io, deckSources())).toBe(2);
    expect(lines).toEqual([expect.stringMatching(/^slides: --board: .*loopback.*\(give the board's address on this machine, e\.g\. http:\/\/127\.0\.0\.1:4100\)$/)]);
  });
});
