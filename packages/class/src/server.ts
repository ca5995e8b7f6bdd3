import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Refused, type BoardService } from './board-service.ts';
import { boardPage, PAGE_HEADERS } from './page.ts';
import { LIMITS, parseJsonBody } from './schema.ts';
import { roomFeed } from './room-feed.ts';
import { boardView, stuckSteps } from './view.ts';

export interface ServeBoardOptions {
  readonly service: BoardService;
  /** 127.0.0.1 always; with --lan, the LAN address too. */
  readonly addresses: readonly string[];
  /** 0 picks a free port. */
  readonly port: number;
  readonly stuckAfterMs: number;
  readonly now?: () => number;
  /** How long the page's stream gathers changes before it sends them. */
  readonly pushEveryMs?: number;
}

export interface RunningBoard {
  readonly port: number;
  /** The address learners join with: the LAN one when there is one. */
  readonly joinUrl: string;
  readonly localUrl: string;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const isLoopbackPeer = (req: IncomingMessage): boolean => LOOPBACK.has(req.socket.remoteAddress ?? '');
const LOOPBACK_ORIGIN = /^http:\/\/(127\.0\.0\.1|localhost)(:\d{1,5})?$/;

export async function serveBoard(options: ServeBoardOptions): Promise<RunningBoard> {
  const { service } = options;
  const now = options.now ?? service.now;
  const streams = new Set<ServerResponse>();
  let port = options.port;
  let hosts = new Set<string>();
  const joinUrl = (): string => `http://${options.addresses.at(-1) ?? '127.0.0.1'}:${port}`;
  const view = () => boardView(service.state, { now: now(), stuckAfterMs: options.stuckAfterMs, join: `npm run class -- join ${joinUrl()} ${service.code}` });

  // Changes arrive up to hundreds a second; the page gets at most one snapshot per interval.
  let pending: NodeJS.Timeout | null = null;
  const push = (): void => {
    pending = null;
    if (streams.size === 0) return;
    const frame = `data: ${JSON.stringify(view())}\n\n`;
    for (const res of streams) res.write(frame);
  };
  const unsubscribe = service.onChange(() => {
    pending ??= setTimeout(push, options.pushEveryMs ?? 250);
  });
  const heartbeat = setInterval(() => {
    for (const res of streams) res.write(': ping\n\n');
  }, 15_000);

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof Refused) return reply(res, error.status, error.message, error.retryAfter);
      reply(res, 500, 'internal error');
    });
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hosts.has((req.headers.host ?? '').toLowerCase())) throw new Refused(421, `refused: Host "${(req.headers.host ?? '').slice(0, 60)}" is not this board's address`);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const address = req.socket.remoteAddress ?? '';
    if (req.method === 'POST') {
      const body = await readJson(req);
      const code = header(req, 'x-join-code');
      const token = bearer(req);
      if (path === '/api/join') return json(res, 201, service.join(code, address, body));
      if (path === '/api/progress') {
        service.progress(code, token, address, body);
        return reply(res, 204, '');
      }
      if (path === '/api/leave') {
        service.leave(code, token, address);
        return reply(res, 204, '');
      }
      throw new Refused(404, `no such endpoint: POST ${path.slice(0, 60)}`);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new Refused(405, 'only GET, HEAD and POST');
    // The board shows names; it is for the instructor's own machine, whatever address it listens on.
    if (!isLoopbackPeer(req)) throw new Refused(403, "the board is shown only on the instructor's machine");
    if (path === '/') return page(res);
    if (path === '/events') return openStream(res);
    if (path === '/api/board') return json(res, 200, view());
    if (path === '/api/stuck') return stuck(req, res);
    if (path === '/api/room') return json(res, 200, roomFeed(service.state, now()), loopbackCors(req));
    throw new Refused(404, `not found: ${path.slice(0, 60)}`);
  }

  function page(res: ServerResponse): void {
    res.writeHead(200, { ...PAGE_HEADERS, 'content-type': 'text/html; charset=utf-8' });
    res.end(boardPage());
  }

  function openStream(res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive', 'x-content-type-options': 'nosniff' });
    res.write(`retry: 2000\ndata: ${JSON.stringify(view())}\n\n`);
    streams.add(res);
    res.on('close', () => streams.delete(res));
  }

  /** The "most stuck" list, also for a slide deck's presenter view open from this machine. */
  /** CORS for a deck open on this machine (a file:// page's origin is "null"), and for nobody else. */
  function loopbackCors(req: IncomingMessage): Record<string, string> {
    const origin = header(req, 'origin');
    return origin !== undefined && (origin === 'null' || LOOPBACK_ORIGIN.test(origin)) ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {};
  }

  function stuck(req: IncomingMessage, res: ServerResponse): void {
    const cors = loopbackCors(req);
    const at = now();
    const stuck = stuckSteps(service.state, at, options.stuckAfterMs);
    // `title` and `items` are the slide engine's generic corner-feed shape.
    const items = stuck.map((s) => `Lesson ${s.lesson} · ${s.step}: ${s.learners} ${s.learners === 1 ? 'learner' : 'learners'}${s.over > 0 ? ` (${s.over} over ${options.stuckAfterMs / 60_000} min)` : ''}`);
    json(res, 200, { now: at, stuckAfterMs: options.stuckAfterMs, stuck, title: 'Most stuck', items: items.length > 0 ? items : ['Nobody is on a failing step.'] }, cors);
  }

  const servers: Server[] = [];
  for (const address of options.addresses) {
    const server = createServer(handler);
    // Slow or idle clients must not hold sockets: a learner's send takes milliseconds.
    server.headersTimeout = 5_000;
    server.requestTimeout = 10_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, address, () => resolve());
    });
    port = (server.address() as AddressInfo).port;
    servers.push(server);
  }
  hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, ...options.addresses.map((a) => `${a}:${port}`)]);

  return {
    port,
    joinUrl: joinUrl(),
    localUrl: `http://127.0.0.1:${port}/`,
    async close() {
      unsubscribe();
      clearInterval(heartbeat);
      if (pending !== null) clearTimeout(pending);
      for (const res of streams) res.end();
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        ),
      );
    },
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function bearer(req: IncomingMessage): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]{1,100})$/.exec(header(req, 'authorization') ?? '');
  return match?.[1];
}

/** The body, refused past the size limit without reading the rest. */
async function readJson(req: IncomingMessage): Promise<unknown> {
  if (!/^application\/json\b/i.test(header(req, 'content-type') ?? '')) throw new Refused(415, 'send JSON (Content-Type: application/json)');
  const declared = Number(header(req, 'content-length') ?? '0');
  if (declared > LIMITS.bodyBytes) throw new Refused(413, `the body is larger than ${LIMITS.bodyBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > LIMITS.bodyBytes) throw new Refused(413, `the body is larger than ${LIMITS.bodyBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  try {
    return parseJsonBody(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new Refused(400, 'bad payload: the body is not JSON');
  }
}

function reply(res: ServerResponse, status: number, line: string, retryAfter?: number): void {
  if (res.headersSent) return void res.end();
  const headers: Record<string, string> = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
  if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
  // A refused body may still be arriving; close rather than read it.
  if (status >= 400) headers['connection'] = 'close';
  res.writeHead(status, headers);
  res.end(status === 204 ? undefined : `${line}\n`);
}

function json(res: ServerResponse, status: number, value: unknown, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...extra });
  res.end(JSON.stringify(value));
}
