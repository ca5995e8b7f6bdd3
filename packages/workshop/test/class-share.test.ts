import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { BoardService, joinClass, LAST_SENT_PATH, serveBoard, shareProgress, type RunningBoard } from '@outage-lab/class';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, removeRepo, spawnCli, tempRepo } from './support/temp-repo.ts';
import { follow } from './support/wait.ts';

// Each of these starts Vitest (in process, or in the watching CLI's process): a few seconds
// quiet, four times that and more on a busy 2-core laptop.
const CLI_RUN_BUDGET = 120_000;
// The board runs in this busy test process: give it the time a board on its own machine would not need.
const PATIENT = { OUTAGE_LAB_CLASS_TIMEOUT_MS: '5000' };

type Cells = Record<string, { readonly title?: string; readonly steps: readonly { name: string; state: string }[]; readonly hints: number; readonly loadError: boolean }>;

describe('a joined learner shares progress after each verdict', () => {
  const root = tempRepo();
  let service: BoardService;
  let board: RunningBoard;
  const cells = (): Cells => Object.fromEntries([...service.state.learners.values()][0]?.cells ?? []) as Cells;

  beforeAll(async () => {
    service = new BoardService({ logPath: join(root, '.outage-lab', 'test-board', 'board.jsonl') });
    board = await serveBoard({ service, addresses: ['127.0.0.1'], port: 0, stuckAfterMs: 600_000 });
    await joinClass(root, board.joinUrl, service.code, 'Ada', new Date());
  });
  afterAll(async () => {
    await board.close();
    service.close();
    removeRepo(root);
  });

  it('npm run lesson: the lesson, its step titles and states, and nothing of the code', async () => {
    const result = await cli(root, ['lesson', '01'], PATIENT);
    expect(result.code).toBe(1);
    expect(result.err, 'no line about the board when it answers').toBe('');
    expect(cells()['01']).toMatchObject({
      title: 'Fresh plans only',
      steps: [
        { name: 'step 0: your files type-check', state: 'passed' },
        { name: 'step 1: an Enactor applies a newer plan', state: 'passed' },
        { name: 'step 2: an Enactor refuses a plan older than the active one', state: 'failed' },
        { name: 'step 3: an endpoint without a plan takes any plan', state: 'passed' },
      ],
      hints: 0,
      loadError: false,
    });
    const sent = readFileSync(join(root, LAST_SENT_PATH), 'utf8');
    expect(sent, 'no assertion message, path or source reaches the board').not.toMatch(/went back in time|exercises\/|freshness\.ts|export /);
  }, CLI_RUN_BUDGET);

  it('npm run hint: the new hint count', async () => {
    expect((await cli(root, ['hint', '01'], PATIENT)).code).toBe(0);
    expect(cells()['01']).toMatchObject({ hints: 1, steps: expect.arrayContaining([expect.objectContaining({ state: 'failed' })]) });
  });

  it('npm start: every lesson at once', async () => {
    expect((await cli(root, ['start'], PATIENT)).code).toBe(0);
    expect(Object.keys(cells()).sort()).toEqual(['01', '02']);
    expect(cells()['02']?.steps.map((s) => s.state)).toEqual(['passed', 'failed', 'passed']);
  }, CLI_RUN_BUDGET);

  it('watch mode: after every run', async () => {
    const child = follow(spawnCli(root, ['lesson', '02', '--watch', '--poll']));
    try {
      await child.until(/Lesson 02: 2\/3/);
      for (const file of ['src/cleanup.ts', 'src/cutoff.ts']) copyFileSync(join(root, 'solutions/02-keep-the-active-plan', file), join(root, 'exercises/02-keep-the-active-plan', file));
      await child.until(/Lesson 02: 3\/3, done!/);
      for (let i = 0; i < 100 && cells()['02']?.steps.some((s) => s.state !== 'passed'); i += 1) await new Promise((r) => setTimeout(r, 50));
      expect(cells()['02']?.steps.map((s) => s.state)).toEqual(['passed', 'passed', 'passed']);
    } finally {
      child.kill('SIGINT');
    }
    expect(await child.ended).toBe(0);
  }, CLI_RUN_BUDGET);
});

describe('a board that does not answer', () => {
  const root = tempRepo();
  const sockets = new Set<Socket>();
  // Accepts connections and never answers: the worst case, a board that hangs.
  const silent = createServer((socket) => void sockets.add(socket));
  let url = '';

  beforeAll(async () => {
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
    const membership = { version: 1, board: url, code: 'ABCD-1234', token: 'a'.repeat(32), name: 'Ada', joinedAt: new Date().toISOString() };
    mkdirSync(join(root, '.outage-lab'), { recursive: true });
    writeFileSync(join(root, '.outage-lab', 'class.json'), JSON.stringify(membership));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
    removeRepo(root);
  });

  it('gives up at its timeout and never fails the send', async () => {
    const outcome = await shareProgress(root, [{ id: '01', hints: 0, at: new Date().toISOString() }], 100);
    expect(outcome).toEqual({ kind: 'failed', line: `class board at ${url}: progress not shared (no answer within 100 ms); your work is unaffected` });
  });

  it('costs npm run lesson one quiet line and nothing else (its extra time is in npm run bench: class.lessonOverheadMs)', async () => {
    const result = await cli(root, ['lesson', '01']);
    expect(result.code, 'the lesson verdict decides the exit code, not the board').toBe(1);
    expect(result.out.trimEnd().split('\n').at(-1)).toMatch(/^Lesson 01: 3\/4, next failing step/);
    expect(result.err.trimEnd().split('\n')).toEqual([`class board at ${url}: progress not shared (no answer within 200 ms); your work is unaffected`]);
  }, CLI_RUN_BUDGET);
});
