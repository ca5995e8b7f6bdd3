import { appendFileSync, readFileSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { join, progress, removeDir, spawnServe, tempDir, verdict } from './support/board.ts';

const board = async (url: string) => (await (await fetch(new URL('/api/board', url))).json()) as { learners: { name: string; updates: number; cells: Record<string, { passed: number; failing: string | null }> }[] };

describe('npm run class -- serve, stopped and started again', () => {
  const dir = tempDir();
  afterAll(() => removeDir(dir));

  it('keeps the class: the same join code, every learner, their progress and their tokens', async () => {
    const first = spawnServe(dir);
    const { url, code } = await first.ready;
    expect(first.out).toContain(`Class board: http://127.0.0.1:${new URL(url).port}/`);
    const ada = await join(url, code, 'Ada');
    const grace = await join(url, code, 'Grace');
    expect((await progress(url, code, ada, verdict('02', 2, 5))).status).toBe(204);
    expect((await progress(url, code, grace, verdict('01', 3, 3))).status).toBe(204);
    expect(await first.stop(), 'Ctrl-C stops the board cleanly').toBe(0);

    // The board died while writing a record: half a line at the end of the log.
    const log = joinPath(dir, 'board.jsonl');
    const lines = readFileSync(log, 'utf8').trimEnd().split('\n').length;
    appendFileSync(log, '{"t":"cell","id":"abc","lesson":"02","cell":{"ste');

    const second = spawnServe(dir);
    try {
      const again = await second.ready;
      expect(again.code, 'the same join code').toBe(code);
      expect(second.err).toContain('dropped a truncated last line');
      expect(second.out).toContain('2 learners from the last run are back');
      const before = await board(again.url);
      expect(before.learners.map((l) => [l.name, l.updates])).toEqual([['Ada', 1], ['Grace', 1]]);
      expect(before.learners[0]?.cells['02']).toMatchObject({ passed: 2, failing: 'step 3: the 3th thing' });
      expect((await progress(again.url, code, ada, verdict('02', 3, 5))).status, "Ada's token still works").toBe(204);
      const after = await board(again.url);
      expect(after.learners[0]?.cells['02']).toMatchObject({ passed: 3, failing: 'step 4: the 4th thing' });
      expect(readFileSync(log, 'utf8').trimEnd().split('\n'), 'the torn line was cut, the new record is whole').toHaveLength(lines + 1);
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });

  it('starts another session with --new, keeping the last one aside', async () => {
    const before = readFileSync(joinPath(dir, 'board.jsonl'), 'utf8');
    const oldCode = /"code":"([A-Z]{4}-\d{4})"/.exec(before)?.[1];
    const server = spawnServe(dir, ['--new']);
    try {
      const { code, url } = await server.ready;
      expect(code).not.toBe(oldCode);
      expect(server.out).toMatch(/The last session is kept in .*board-.*\.jsonl/);
      expect((await board(url)).learners).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});
