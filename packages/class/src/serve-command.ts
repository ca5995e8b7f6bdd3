import { existsSync, renameSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { BoardService } from './board-service.ts';
import type { ClassContext, Flags } from './context.ts';
import { BadInput, Blocked } from '@outage-lab/cli';
import { boardDir, LOG_NAME } from './commands.ts';
import { serveBoard } from './server.ts';

export const DEFAULT_PORT = 4100;
export const DEFAULT_STUCK_MINUTES = 10;

/** A path inside the repository relative to it, any other as it is. */
function shown(root: string, path: string): string {
  const inside = relative(root, path);
  return inside.startsWith('..') || isAbsolute(inside) ? path : inside;
}

export function portFrom(value: string | boolean | undefined): number {
  if (typeof value !== 'string') return DEFAULT_PORT;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new BadInput(`--port "${value.slice(0, 20)}" is not a port (valid: 0 for any free port, or 1 to 65535)`, 'class serve');
  return port;
}

export function minutesFrom(value: string | boolean | undefined): number {
  if (typeof value !== 'string') return DEFAULT_STUCK_MINUTES;
  const minutes = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || minutes <= 0 || minutes > 600) throw new BadInput(`--stuck-after "${value.slice(0, 20)}" is not a number of minutes (valid: more than 0, up to 600)`, 'class serve');
  return minutes;
}

/** The first IPv4 address on a real network interface: the one learners in the room can reach. */
function lanAddress(): string {
  for (const addresses of Object.values(networkInterfaces())) {
    const found = (addresses ?? []).find((a) => a.family === 'IPv4' && !a.internal);
    if (found !== undefined) return found.address;
  }
  throw new Blocked('--lan found no network address on this machine', "connect to the room's network first", 'class serve');
}

/** `npm run class -- serve`: the board, until Ctrl-C. The session survives a restart unless --new. */
export async function serveCommand(ctx: ClassContext, _positionals: readonly string[], flags: Flags): Promise<number> {
  const port = portFrom(flags['port']);
  const stuckAfterMs = minutesFrom(flags['stuck-after']) * 60_000;
  const addresses = flags['lan'] === true ? ['127.0.0.1', lanAddress()] : ['127.0.0.1'];
  const dir = boardDir(ctx, flags);
  const logPath = join(dir, LOG_NAME);
  if (flags['new'] === true && existsSync(logPath)) {
    const archived = join(dir, `board-${ctx.now().toISOString().replace(/[:.]/g, '')}.jsonl`);
    renameSync(logPath, archived);
    ctx.out(`The last session is kept in ${shown(ctx.root, archived)}.`);
  }
  const service = new BoardService({ logPath });
  for (const note of service.notes) ctx.err(note);
  let board;
  try {
    board = await serveBoard({ service, addresses, port, stuckAfterMs });
  } catch (error) {
    service.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new Blocked(`port ${port} is taken (another board?)`, `stop it, or use --port ${port + 1}`, 'class serve');
    throw error;
  }
  const learners = service.state.activeCount;
  ctx.out(`Class board: ${board.localUrl}  (open it on this machine; ?large for a projector; Ctrl-C to stop)`);
  if (flags['lan'] === true) {
    ctx.err(`warning: the board also listens on ${board.joinUrl}, which anyone on this network can reach. Writes need the join code,`);
    ctx.err('         and only this machine can see the board page. Share the code only with the room.');
  }
  ctx.out('Learners join with:');
  ctx.out(`  npm run class -- join ${board.joinUrl} ${service.code} --name "Your name"`);
  if (flags['lan'] !== true) ctx.out('  (this address works on this machine only; for learners on their own laptops, serve with --lan)');
  ctx.out(`${learners > 0 ? `${learners} learners from the last run are back. ` : ''}Stuck after ${stuckAfterMs / 60_000} min. Session: ${shown(ctx.root, logPath)} (--new starts another).`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await board.close();
  service.close();
  return 0;
}
