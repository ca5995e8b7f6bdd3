import { ClassState, type BoardRecord } from './board.ts';
import { LogStore, readLog } from './log-store.ts';
import { RateLimiter } from './rate-limit.ts';
import { parseJoin, parseProgress, SchemaError } from './schema.ts';
import { hashToken, newJoinCode, newLearnerId, newToken, sameCode } from './secrets.ts';

/** A refused request: its status and the one line the board answers with. */
export class Refused extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

export interface BoardOptions {
  readonly logPath: string;
  readonly now?: () => number;
  /** Rewrite the log at start-up once it holds more records than this. */
  readonly compactAbove?: number;
  /** Per learner token: writes at once, and on average per second. */
  readonly rate?: { readonly burst: number; readonly perSecond: number };
  readonly maxLearners?: number;
}

export const DEFAULT_RATE = { burst: 20, perSecond: 5 } as const;

/**
 * The board's rules, apart from HTTP: who may write, what a write changes, and that every
 * change is in the log before it is acknowledged.
 */
export class BoardService {
  readonly state = new ClassState();
  readonly notes: string[];
  private readonly log: LogStore;
  readonly now: () => number;
  private readonly writes: RateLimiter;
  // Wrong join codes, per address: guessing a code takes too long to be worth it.
  private readonly guesses: RateLimiter;
  private readonly maxLearners: number;
  private readonly listeners = new Set<() => void>();

  constructor(options: BoardOptions) {
    this.now = options.now ?? Date.now;
    const rate = options.rate ?? DEFAULT_RATE;
    this.writes = new RateLimiter(rate.burst, rate.perSecond, this.now);
    this.guesses = new RateLimiter(10, 0.1, this.now);
    this.maxLearners = options.maxLearners ?? 500;
    const loaded = readLog(options.logPath);
    this.notes = loaded.notes;
    for (const record of loaded.records) this.state.apply(record);
    this.log = LogStore.open(options.logPath);
    if (this.state.code === null) this.commit([{ t: 'session', code: newJoinCode(), at: this.now() }]);
    else if (loaded.records.length > (options.compactAbove ?? 20_000)) this.log.rewrite(compacted(this.state));
  }

  get code(): string {
    if (this.state.code === null) throw new Error('the board has no session');
    return this.state.code;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  join(code: string | undefined, address: string, body: unknown): { id: string; name: string; token: string } {
    this.checkCode(code, address);
    const { name } = parse(() => parseJoin(body));
    if (this.state.activeCount >= this.maxLearners) throw new Refused(503, `the class is full (${this.maxLearners} learners)`);
    const token = newToken();
    const id = newLearnerId();
    this.commit([{ t: 'join', id, name, tokenHash: hashToken(token), at: this.now() }]);
    return { id, name, token };
  }

  progress(code: string | undefined, token: string | undefined, address: string, body: unknown): void {
    const learner = this.learner(code, token, address);
    if (!this.writes.take(learner.tokenHash)) throw new Refused(429, 'too many writes: slow down', this.writes.retryAfter(learner.tokenHash));
    const payload = parse(() => parseProgress(body));
    this.commit(this.state.progressRecords(learner, payload.lessons, this.now()));
  }

  leave(code: string | undefined, token: string | undefined, address: string): void {
    const learner = this.learner(code, token, address);
    this.commit([{ t: 'leave', id: learner.id, at: this.now() }]);
  }

  close(): void {
    this.log.close();
  }

  private checkCode(code: string | undefined, address: string): void {
    if (code !== undefined && sameCode(code, this.code)) return;
    if (!this.guesses.take(address)) throw new Refused(429, 'too many wrong join codes from this address: wait a minute', this.guesses.retryAfter(address));
    throw new Refused(403, code === undefined ? 'no join code (send it in the X-Join-Code header)' : 'wrong join code');
  }

  private learner(code: string | undefined, token: string | undefined, address: string) {
    this.checkCode(code, address);
    const learner = token === undefined ? null : this.state.learnerByToken(hashToken(token));
    if (learner === null) throw new Refused(401, 'unknown learner token: join the class again');
    return learner;
  }

  /** Logged first, then applied: what the board acknowledges survives a restart. */
  private commit(records: readonly BoardRecord[]): void {
    this.log.append(records);
    for (const record of records) this.state.apply(record);
    for (const listener of this.listeners) listener();
  }
}

function parse<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof SchemaError) throw new Refused(400, `bad payload: ${error.message}`);
    throw error;
  }
}

/** The fewest records that rebuild the same class: each learner's join, leave and latest cells. */
export function compacted(state: ClassState): BoardRecord[] {
  const records: BoardRecord[] = state.code === null ? [] : [{ t: 'session', code: state.code, at: 0 }];
  for (const learner of state.learners.values()) {
    records.push({ t: 'join', id: learner.id, name: learner.name, tokenHash: learner.tokenHash, at: learner.joinedAt });
    const cells = [...learner.cells].sort(([a, x], [b, y]) => Number(a === learner.current) - Number(b === learner.current) || x.at - y.at);
    for (const [lesson, cell] of cells) records.push({ t: 'cell', id: learner.id, lesson, cell, n: learner.updates });
    if (learner.left) records.push({ t: 'leave', id: learner.id, at: learner.joinedAt });
  }
  return records;
}
