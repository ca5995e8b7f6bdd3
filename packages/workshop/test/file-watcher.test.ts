import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { watchFolder, type FileChange, type WatchOptions } from '../src/file-watcher.ts';

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Every way an editor saves, one after the other on one watcher, each waited for: one
 * report per settled save, naming the file. Events only (the slow poll switched off),
 * then polling only (for WSL on /mnt/c).
 */
// A settle time well above the 60 ms between the burst's saves, even when a busy machine delays timers.
const SETTLE_MS = 400;
// The stray events of one save arrive within milliseconds of it, and a second report would follow
// them by one settle time: a settle time and a margin after the report shows there is none.
const QUIET_MS = SETTLE_MS + 200;

describe.each<[string, WatchOptions]>([
  ['file events', { poll: false, settleMs: SETTLE_MS, intervalMs: 24 * 3_600_000 }],
  ['polling', { poll: true, settleMs: SETTLE_MS, intervalMs: 50 }],
// Real file events and timers: a test waits out a settle time and a quiet period per save, up
// to four saves (about five seconds); the budget is for a busy 2-core laptop.
])('the lesson folder watcher, by %s', { timeout: 120_000 }, (_mode, options) => {
  const dir = mkdtempSync(join(tmpdir(), 'outage-lab-watch-'));
  mkdirSync(join(dir, 'src'));
  const file = join(dir, 'src', 'enactor.ts');
  writeFileSync(file, 'export const v = 0;\n');
  const reports: FileChange[][] = [];
  let wake: () => void = () => undefined;
  const watcher = watchFolder(dir, (changes) => {
    reports.push([...changes]);
    wake();
  }, options);
  afterAll(() => {
    watcher.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Saves, then waits for the next report and a quiet while, to see that no second one follows. */
  async function saved(save: () => void | Promise<void>): Promise<FileChange[][]> {
    const before = reports.length;
    const next = new Promise<void>((resolve) => (wake = resolve));
    await save();
    await next;
    await pause(QUIET_MS);
    return reports.slice(before);
  }
  const inPlace = (n: number) => () => writeFileSync(file, `export const v = ${n};\n`);
  const atomic = (n: number) => () => {
    writeFileSync(`${file}.tmp`, `export const v = ${n};\n`);
    renameSync(`${file}.tmp`, file);
  };

  it('reports an in-place save once', async () => {
    expect(await saved(inPlace(1))).toEqual([[{ path: file, kind: 'change' }]]);
  });

  it('reports a rename-style save once, and the saves after it (where watch mode used to go silent)', async () => {
    expect(await saved(atomic(2))).toEqual([[{ path: file, kind: 'change' }]]);
    expect(await saved(atomic(3))).toEqual([[{ path: file, kind: 'change' }]]);
    expect(await saved(inPlace(4))).toEqual([[{ path: file, kind: 'change' }]]);
  });

  it('reports a file deleted and created again once, as a change', async () => {
    expect(
      await saved(() => {
        unlinkSync(file);
        writeFileSync(file, 'export const v = 5;\n');
      }),
    ).toEqual([[{ path: file, kind: 'change' }]]);
  });

  it('reports ten saves in one second once, after they settle', async () => {
    const reportsAfter = await saved(async () => {
      for (let n = 10; n < 20; n++) {
        (n % 2 === 0 ? inPlace(n) : atomic(n))();
        await pause(60);
      }
    });
    expect(reportsAfter).toEqual([[{ path: file, kind: 'change' }]]);
  });

  it('reports a deleted file as deleted', async () => {
    expect(await saved(() => unlinkSync(file))).toEqual([[{ path: file, kind: 'delete' }]]);
  });
});
