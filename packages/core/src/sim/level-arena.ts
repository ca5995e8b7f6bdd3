import type { StateVector } from './state-store.ts';

/** A level's arena as it crosses threads: its memory is shared, so nothing is copied. */
export interface ArenaMemory {
  readonly data: SharedArrayBuffer;
  readonly offsets: SharedArrayBuffer;
  readonly count: number;
}

/**
 * The states one worker found in one level, in the order it found them: each one's two
 * hashes and its vector, in shared memory, so that in the next level any worker can
 * expand any run of them. The worker that found them writes; the others only read, and
 * only after the level is over.
 */
export class LevelArena {
  #data: Int32Array<SharedArrayBuffer>;
  #offsets: Int32Array<SharedArrayBuffer>;
  #used = 0;
  #count = 0;

  constructor(memory?: ArenaMemory) {
    this.#data = new Int32Array(memory?.data ?? new SharedArrayBuffer(1 << 16));
    this.#offsets = new Int32Array(memory?.offsets ?? new SharedArrayBuffer(1 << 12));
    this.#count = memory?.count ?? 0;
    this.#used = this.#count === 0 ? 0 : (this.#offsets[this.#count] as number);
  }

  /**
   * Empties it for the level after next, keeping its memory: a worker writes two arenas
   * in turn (one level's states are read while the next level's are written), so the
   * search allocates no shared memory per level, which an idle thread's garbage would
   * keep alive.
   */
  reset(): void {
    this.#used = 0;
    this.#count = 0;
    this.#offsets[0] = 0;
  }

  get count(): number {
    return this.#count;
  }

  /** Bytes of shared memory it holds. */
  get bytes(): number {
    return this.#data.byteLength + this.#offsets.byteLength;
  }

  get memory(): ArenaMemory {
    return { data: this.#data.buffer, offsets: this.#offsets.buffer, count: this.#count };
  }

  add(vector: StateVector, h1: number, h2: number): void {
    const length = vector.length;
    if (this.#count + 2 > this.#offsets.length) this.#offsets = grown(this.#offsets, this.#count + 2, this.#count + 1);
    if (this.#used + length + 2 > this.#data.length) this.#data = grown(this.#data, this.#used + length + 2, this.#used);
    const data = this.#data;
    let at = this.#used;
    data[at++] = h1;
    data[at++] = h2;
    const source = vector.data;
    for (let i = 0; i < length; i++) data[at++] = source[i] as number;
    this.#offsets[this.#count] = this.#used;
    this.#used = at;
    this.#count++;
    this.#offsets[this.#count] = at;
  }

  hash1(i: number): number {
    return this.#data[this.#offsets[i] as number] as number;
  }

  hash2(i: number): number {
    return this.#data[(this.#offsets[i] as number) + 1] as number;
  }

  /** State `i`'s vector: a view, valid while the arena lives. */
  vector(i: number): Int32Array {
    return this.#data.subarray((this.#offsets[i] as number) + 2, this.#offsets[i + 1] as number);
  }
}

/** A shared copy of `column` with room for `needed` entries (doubling), keeping its first `used`. */
function grown(column: Int32Array<SharedArrayBuffer>, needed: number, used: number): Int32Array<SharedArrayBuffer> {
  let length = column.length * 2;
  while (length < needed) length *= 2;
  const copy = new Int32Array(new SharedArrayBuffer(length * 4));
  copy.set(column.subarray(0, used));
  return copy;
}
