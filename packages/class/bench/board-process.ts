/**
 * A board for the intake bench, in its own process like `class serve`, but without the
 * per-token rate limit: the figure is what the board can take, not what it allows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BoardService } from '../src/board-service.ts';
import { serveBoard } from '../src/server.ts';

const dir = mkdtempSync(join(tmpdir(), 'outage-lab-class-bench-'));
const service = new BoardService({ logPath: join(dir, 'board.jsonl'), rate: { burst: Number.MAX_SAFE_INTEGER, perSecond: Number.MAX_SAFE_INTEGER } });
const board = await serveBoard({ service, addresses: ['127.0.0.1'], port: 0, stuckAfterMs: 600_000 });
process.stdout.write(`${JSON.stringify({ url: board.joinUrl, code: service.code })}\n`);
process.once('SIGTERM', () => {
  void board.close().then(() => {
    service.close();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
});
