import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, truncateSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BoardRecord } from './board.ts';

/**
 * The board's memory: an append-only log of JSON lines. Each request's records go out in
 * one write() on a file opened for appending, so a crash can only cut the last line short,
 * and that line is dropped on the next start. Rewrites (compaction) go through a temporary
 * file and a rename, so the log on disk is always whole.
 */
export interface LoadedLog {
  readonly records: BoardRecord[];
  /** One line each: what was dropped and why. */
  readonly notes: string[];
}

const KINDS = new Set(['session', 'join', 'cell', 'leave']);

function isRecord(value: unknown): value is BoardRecord {
  if (value === null || typeof value !== 'object') return false;
  const record = value as { t?: unknown; id?: unknown; code?: unknown };
  if (typeof record.t !== 'string' || !KINDS.has(record.t)) return false;
  return record.t === 'session' ? typeof record.code === 'string' : typeof record.id === 'string';
}

export function readLog(path: string): LoadedLog {
  if (!existsSync(path)) return { records: [], notes: [] };
  const text = readFileSync(path, 'utf8');
  const notes: string[] = [];
  const complete = text.endsWith('\n') ? text : text.slice(0, text.lastIndexOf('\n') + 1);
  if (complete.length < text.length) notes.push(`${path}: dropped a truncated last line (the board stopped while writing it)`);
  const records: BoardRecord[] = [];
  let damaged = 0;
  for (const line of complete.split('\n')) {
    if (line === '') continue;
    try {
      const value: unknown = JSON.parse(line);
      if (isRecord(value)) records.push(value);
      else damaged += 1;
    } catch {
      damaged += 1;
    }
  }
  if (damaged > 0) notes.push(`${path}: skipped ${damaged} damaged line${damaged === 1 ? '' : 's'}`);
  return { records, notes };
}

export class LogStore {
  private fd: number;

  private constructor(private readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'a');
  }

  /** Opens the log for appending, first cutting a truncated last line so the next record starts on its own line. */
  static open(path: string): LogStore {
    if (existsSync(path)) {
      const text = readFileSync(path, 'utf8');
      if (text !== '' && !text.endsWith('\n')) truncateSync(path, Buffer.byteLength(text.slice(0, text.lastIndexOf('\n') + 1)));
    }
    return new LogStore(path);
  }

  append(records: readonly BoardRecord[]): void {
    if (records.length === 0) return;
    writeSync(this.fd, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  }

  /** Replaces the whole log with `records` (temporary file, fsync, rename), then appends to the new one. */
  rewrite(records: readonly BoardRecord[]): void {
    const temporary = `${this.path}.${process.pid}.tmp`;
    const fd = openSync(temporary, 'w');
    try {
      writeSync(fd, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    closeSync(this.fd);
    renameSync(temporary, this.path);
    this.fd = openSync(this.path, 'a');
  }

  close(): void {
    closeSync(this.fd);
  }
}
