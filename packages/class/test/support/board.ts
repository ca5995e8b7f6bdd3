import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { BoardService, type BoardOptions } from '../../src/board-service.ts';
import { serveBoard, type RunningBoard } from '../../src/server.ts';

export const CLI = joinPath(import.meta.dirname, '..', '..', 'src', 'cli.ts');

export const tempDir = (): string => mkdtempSync(joinPath(tmpdir(), 'outage-lab-class-'));
export const removeDir = (dir: string): void => rmSync(dir, { recursive: true, force: true });

export interface TestBoard {
  readonly service: BoardService;
  readonly board: RunningBoard;
  readonly url: string;
  readonly code: string;
  close(): Promise<void>;
}

/** A board in this process on a free loopback port, its log in `dir`. */
export async function startBoard(dir: string, options: Partial<BoardOptions> & { stuckAfterMs?: number; pushEveryMs?: number } = {}): Promise<TestBoard> {
  const service = new BoardService({ logPath: joinPath(dir, 'board.jsonl'), ...options });
  const board = await serveBoard({ service, addresses: ['127.0.0.1'], port: 0, stuckAfterMs: options.stuckAfterMs ?? 600_000, pushEveryMs: options.pushEveryMs ?? 50 });
  return {
    service,
    board,
    url: board.joinUrl,
    code: service.code,
    async close() {
      await board.close();
      service.close();
    },
  };
}

export interface Answer {
  readonly status: number;
  readonly text: string;
  readonly headers: Headers;
}

/** A raw request to the board, as a learner's command (or an attacker) would send it. */
export async function post(url: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(new URL(path, url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

export async function join(url: string, code: string, name: string): Promise<string> {
  const answer = await post(url, '/api/join', { name }, { 'x-join-code': code });
  if (answer.status !== 201) throw new Error(`join refused: ${answer.status} ${answer.text}`);
  return (JSON.parse(answer.text) as { token: string }).token;
}

export const verdict = (lesson: string, passed: number, total: number, at = '2025-10-20T06:48:00.000Z', hints = 0) => ({
  v: 1,
  lessons: [
    {
      id: lesson,
      title: `Lesson ${lesson}`,
      steps: Array.from({ length: total }, (_, i) => ({ name: `step ${i + 1}: the ${i + 1}th thing`, state: i < passed ? 'passed' : 'failed' })),
      hints,
      at,
    },
  ],
});

export const progress = (url: string, code: string, token: string, body: unknown): Promise<Answer> =>
  post(url, '/api/progress', body, { 'x-join-code': code, authorization: `Bearer ${token}` });

/** `npm run class -- serve` in its own process; resolves once it printed its join command. */
export function spawnServe(dir: string, args: readonly string[] = []) {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve', '--port', '0', '--dir', dir, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  // A timed-out test skips its own clean-up: never leave a board listening after the run.
  const kill = (): void => void child.kill('SIGKILL');
  process.once('exit', kill);
  child.once('close', () => process.off('exit', kill));
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const ended = new Promise<number>((resolve) => child.once('close', (code) => resolve(code ?? -1)));
  const ready = new Promise<{ url: string; code: string }>((resolve, reject) => {
    const check = (): void => {
      // Ready once the whole banner is out: its last line says when a learner counts as stuck.
      const match = /join (http:\/\/\S+) ([A-Z]{4}-\d{4})/.exec(out);
      if (match?.[1] !== undefined && match[2] !== undefined && out.includes('Stuck after')) resolve({ url: match[1], code: match[2] });
    };
    child.stdout.on('data', check);
    void ended.then((code) => reject(new Error(`class serve ended (exit ${code}) before it was ready:\n${out}\n${err}`)));
  });
  return {
    child,
    ready,
    ended,
    get out() {
      return out;
    },
    get err() {
      return err;
    },
    stop: async (): Promise<number> => {
      child.kill('SIGINT');
      return ended;
    },
  };
}
