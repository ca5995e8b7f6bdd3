import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join as joinPath } from 'node:path';
import { expect } from 'vitest';
import { joinClass, shareProgress } from '../../src/client.ts';
import type { BoardView } from '../../src/view.ts';
import { removeDir, spawnServe, tempDir } from './board.ts';

/** A class sending verdicts to one board: how many learners, how often each, for how long. */
export interface ClassLoad {
  readonly learners: number;
  readonly intervalMs: number;
  readonly seconds: number;
}

const STEPS = 8;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Peak and current resident memory of a process, from Linux's /proc. */
function memoryMB(pid: number): { peak: number; now: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { peak: kb('VmHWM') / 1024, now: kb('VmRSS') / 1024 };
}

/** Follows the page's event stream as the page does, keeping the latest snapshot. */
function followStream(url: string) {
  let latest: BoardView | null = null;
  let frames = 0;
  let buffer = '';
  const req = request(new URL('/events', url), { agent: false }, (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = frame.split('\n').find((l) => l.startsWith('data: '));
        if (data !== undefined) {
          latest = JSON.parse(data.slice(6)) as BoardView;
          frames += 1;
        }
      }
    });
  });
  req.on('error', () => undefined);
  req.end();
  return {
    get latest(): BoardView | null {
      return latest;
    },
    get frames() {
      return frames;
    },
    close: () => req.destroy(),
  };
}

/**
 * Runs the class against a board in a child process and checks that it loses nothing, that
 * the page's stream catches up with every learner's last verdict, and that the board stays
 * under 150 MB. `budgetMs` bounds the joins, which are not what this measures.
 */
export async function runClassLoad({ learners, intervalMs, seconds }: ClassLoad, budgetMs: number): Promise<void> {
  const verdicts = Math.round((seconds * 1000) / intervalMs);
  const dir = tempDir();
  const roots = Array.from({ length: learners }, () => tempDir());
  try {
    const server = spawnServe(dir);
    const { url, code } = await server.ready;
    const pid = server.child.pid ?? 0;
    const stream = followStream(url);
    try {
      // Joining is not what this measures: a class's joins at once on a loaded machine may take
      // longer than one learner's patience, so they get the test's.
      await Promise.all(roots.map((root, i) => joinClass(root, url, code, `learner ${String(i + 1).padStart(2, '0')}`, new Date(), budgetMs)));
      const outcomes = { sent: 0, failed: [] as string[] };
      const started = Date.now();
      await Promise.all(
        roots.map(async (root, i) => {
          // Learners do not save in step: spread their first verdicts over one interval.
          await sleep((i * intervalMs) / learners);
          for (let n = 0; n < verdicts; n += 1) {
            const due = started + (i * intervalMs) / learners + n * intervalMs;
            await sleep(Math.max(0, due - Date.now()));
            const passed = Math.floor((n * STEPS) / verdicts);
            const steps = Array.from({ length: STEPS }, (_, s) => ({ name: `step ${s + 1}: the ${s + 1}th check`, state: s < passed ? ('passed' as const) : ('failed' as const) }));
            const outcome = await shareProgress(root, [{ id: '02', title: 'Clean-up keeps the active plan', steps, hints: n % 3, at: new Date().toISOString() }], 10_000);
            if (outcome.kind === 'sent') outcomes.sent += 1;
            else outcomes.failed.push(outcome.kind === 'failed' ? outcome.line : outcome.kind);
          }
        }),
      );
      const sendingMs = Date.now() - started;
      expect(outcomes.failed.slice(0, 3)).toEqual([]);
      expect(outcomes.sent).toBe(learners * verdicts);

      // The page's stream shows every learner's last verdict (how soon after is printed, not asserted).
      const lastSent = Date.now();
      while (Date.now() - lastSent < 10_000 && !(stream.latest?.learners.length === learners && stream.latest.learners.every((l) => l.updates === verdicts))) await sleep(50);
      const lagMs = Date.now() - lastSent;
      const view = stream.latest;
      expect(view?.learners.every((l) => l.updates === verdicts && l.cells['02']?.passed === Math.floor(((verdicts - 1) * STEPS) / verdicts))).toBe(true);

      const memory = memoryMB(pid);
      console.log(
        `class load: ${outcomes.sent} verdicts from ${learners} learners in ${(sendingMs / 1000).toFixed(1)} s, 0 lost; ` +
          `stream ${stream.frames} frames, caught up ${lagMs} ms after the last; board peak RSS ${memory.peak.toFixed(0)} MB`,
      );
      expect(memory.peak).toBeLessThan(150);
    } finally {
      stream.close();
      expect(await server.stop()).toBe(0);
    }

    // Every acknowledged verdict is in the log: one record each, after the joins.
    const records = readFileSync(joinPath(dir, 'board.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { t: string });
    expect(records.filter((r) => r.t === 'join')).toHaveLength(learners);
    expect(records.filter((r) => r.t === 'cell')).toHaveLength(learners * verdicts);
  } finally {
    removeDir(dir);
    for (const root of roots) removeDir(root);
  }
}
