import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { median } from '@outage-lab/core/bench/stats.ts';
import { BoardService, joinClass, MEMBERSHIP_PATH, readMembership, serveBoard } from '@outage-lab/class';
import { shareVerdicts } from '../src/class-share.ts';
import type { Context } from '../src/context.ts';
import { loadManifest, runLessons } from '@outage-lab/course';
import { removeRepo, tempRepo } from '../test/support/temp-repo.ts';

const SENDS = 30;

/**
 * `class.lessonOverheadMs`: the time a joined learner's `npm run lesson` spends on the class
 * board, beyond a learner who did not join. The hook is the command's only difference, and
 * runs after Vitest is done, so it is timed alone: `shareVerdicts` on a real lesson run, as
 * lesson.ts calls it (state read, payload, POST, the copy for `class status`), joined minus
 * not joined, median of interleaved calls. Whole `npm run lesson` runs were tried first:
 * one Vitest start-up varies by seconds on a shared 2-core machine, far more than the
 * figure. `.unreachable` is the same against a board that accepts connections and never
 * answers, the worst case, which the 200 ms send timeout bounds.
 */
export async function benchLessonOverhead(): Promise<Record<string, number>> {
  const root = tempRepo();
  const service = new BoardService({ logPath: join(root, '.outage-lab', 'bench-board', 'board.jsonl'), rate: { burst: 1_000, perSecond: 1_000 } });
  const board = await serveBoard({ service, addresses: ['127.0.0.1'], port: 0, stuckAfterMs: 600_000 });
  const sockets = new Set<Socket>();
  const silent = createServer((socket) => void sockets.add(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  try {
    const lesson = loadManifest(root).lessons[0];
    if (lesson === undefined) throw new Error('the fixture workshop has no lesson');
    const runs = await runLessons([lesson], ['exercise'], { root });
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
    const ctx: Context = { root, env: {}, now: () => new Date(), io: { out: () => undefined, err: () => undefined } };
    const times: Record<keyof typeof setups, number[]> = { alone: [], joined: [], unreachable: [] };
    for (let i = 0; i < SENDS; i += 1) {
      for (const kind of Object.keys(setups) as (keyof typeof setups)[]) {
        setups[kind]();
        const started = performance.now();
        await shareVerdicts(ctx, runs);
        times[kind].push(performance.now() - started);
      }
    }
    const updates = [...service.state.learners.values()][0]?.updates ?? 0;
    if (updates !== SENDS) throw new Error(`the board got ${updates} of ${SENDS} verdicts`);
    return {
      'class.lessonOverheadMs': Math.round((median(times.joined) - median(times.alone)) * 10) / 10,
      'class.lessonOverheadMs.unreachable': Math.round(median(times.unreachable) - median(times.alone)),
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
