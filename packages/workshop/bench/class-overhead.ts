import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BoardService, joinClass, MEMBERSHIP_PATH, readMembership, serveBoard, shareProgress } from '@outage-lab/class';
import { removeRepo, runCli, tempRepo } from '../test/support/temp-repo.ts';

const RUNS = 5;

const SENDS = 20;

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/**
 * `class.lessonOverheadMs`: how much longer `npm run lesson -- 01` takes for a learner who
 * joined a class board than for one who did not; `.unreachable` the same against a board
 * that accepts connections and never answers (the worst case, bounded by the 250 ms send
 * timeout). Runs are interleaved and the fastest of each kind compared: a busy machine
 * only ever adds time, and a Vitest start-up varies by more than the difference.
 * `class.sendMs` is the send alone (median, in this process), which explains the difference.
 */
export async function benchLessonOverhead(): Promise<Record<string, number>> {
  const root = tempRepo();
  const service = new BoardService({ logPath: join(root, '.outage-lab', 'bench-board', 'board.jsonl') });
  const board = await serveBoard({ service, addresses: ['127.0.0.1'], port: 0, stuckAfterMs: 600_000 });
  const sockets = new Set<Socket>();
  const silent = createServer((socket) => void sockets.add(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  try {
    await joinClass(root, board.joinUrl, service.code, 'bench', new Date());
    const joined = readMembership(root);
    if (joined.kind !== 'joined') throw new Error('the bench learner did not join');
    const address = silent.address();
    const hanging = { ...joined.membership, board: `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}` };
    const setups: Record<'alone' | 'joined' | 'unreachable', () => void> = {
      alone: () => rmSync(join(root, MEMBERSHIP_PATH), { force: true }),
      joined: () => writeMembership(root, joined.membership),
      unreachable: () => writeMembership(root, hanging),
    };
    const times: Record<keyof typeof setups, number[]> = { alone: [], joined: [], unreachable: [] };
    await runCli(root, ['lesson', '01']);
    for (let run = 0; run < RUNS; run += 1) {
      for (const kind of Object.keys(setups) as (keyof typeof setups)[]) {
        setups[kind]();
        const started = performance.now();
        await runCli(root, ['lesson', '01']);
        times[kind].push(performance.now() - started);
      }
    }
    const updates = [...service.state.learners.values()][0]?.updates ?? 0;
    if (updates < RUNS) throw new Error(`the board got ${updates} of ${RUNS} verdicts`);
    const sends: Record<'joined' | 'unreachable', number[]> = { joined: [], unreachable: [] };
    const lesson = [{ id: '01', title: 'Fresh plans only', steps: [{ name: 'step 1: an Enactor applies a newer plan', state: 'failed' as const }], hints: 0, at: new Date().toISOString() }];
    for (let i = 0; i < SENDS; i += 1) {
      for (const kind of ['joined', 'unreachable'] as const) {
        setups[kind]();
        const started = performance.now();
        await shareProgress(root, lesson);
        sends[kind].push(performance.now() - started);
      }
    }
    return {
      'class.lessonOverheadMs': Math.round(Math.min(...times.joined) - Math.min(...times.alone)),
      'class.lessonOverheadMs.unreachable': Math.round(Math.min(...times.unreachable) - Math.min(...times.alone)),
      'class.sendMs': Math.round(median(sends.joined) * 10) / 10,
      'class.sendMs.unreachable': Math.round(median(sends.unreachable)),
    };
  } finally {
    for (const socket of sockets) socket.destroy();
    silent.close();
    await board.close();
    service.close();
    removeRepo(root);
  }
}

function writeMembership(root: string, membership: unknown): void {
  mkdirSync(join(root, '.outage-lab'), { recursive: true });
  writeFileSync(join(root, MEMBERSHIP_PATH), JSON.stringify(membership));
}
