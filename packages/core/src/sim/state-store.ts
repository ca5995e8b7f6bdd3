/**
 * The visited set of the exhaustive search, SPIN-style, with hash compaction: a state is
 * remembered by its 64-bit fingerprint (two 32-bit hashes of its vector) and its trail,
 * 16 bytes in typed-array columns, found again through an open-addressing table of state
 * indices. Only the states still to be expanded (the current level and the next) keep
 * their vectors, in an arena that `retire` empties level by level.
 *
 * The trade-off, chosen over storing every vector in full (237 bytes a state at the
 * night's real size, 2.8 GB for its 6.4 million states): two different states with the
 * same fingerprint would count as one, and the second one's futures would go unexplored.
 * With a well-mixed 64-bit fingerprint the chance that any state of n is omitted is
 * about n² / 2⁶⁵, 1 in 900,000 for 6.4 million states (Holzmann's hash compaction);
 * `omissionProbability` says it for a search's size, and the explorer prints it.
 */

/** A reusable int32 buffer that a codec writes one state vector into. */
export class StateVector {
  data = new Int32Array(64);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  /** Appends every value of `values`. */
  pushAll(values: readonly number[]): void {
    const data = this.reserve(values.length);
    let at = this.length;
    for (let i = 0; i < values.length; i++) data[at++] = values[i] as number;
    this.length = at;
  }

  /** Room for `more` values after `length`; returns the (maybe new) buffer, to write them into and then set `length`. */
  reserve(more: number): Int32Array {
    const needed = this.length + more;
    if (needed > this.data.length) {
      let size = this.data.length * 2;
      while (size < needed) size *= 2;
      const grown = new Int32Array(size);
      grown.set(this.data.subarray(0, this.length));
      this.data = grown;
    }
    return this.data;
  }

  clear(): void {
    this.length = 0;
  }

  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

/** Two independent 32-bit hashes of a vector (murmur3-style mixing): one places it, both order it. */
export function hashVector(data: Int32Array, length: number): [number, number] {
  hashInto(data, length);
  return [hashed.h1, hashed.h2];
}

/** The last `hashInto`'s hashes: the search's hot path reads them here rather than allocate a pair per state. */
export const hashed = { h1: 0, h2: 0 };

export function hashInto(data: Int32Array, length: number): void {
  let h1 = 0x9747b28c ^ length;
  let h2 = 0x85ebca6b ^ Math.imul(length, 0xc2b2ae35);
  for (let i = 0; i < length; i++) {
    let k = Math.imul(data[i] as number, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h1 ^= k;
    h1 = (h1 << 13) | (h1 >>> 19);
    h1 = (Math.imul(h1, 5) + 0xe6546b64) | 0;
    h2 = Math.imul(h2 ^ (data[i] as number), 0x01000193);
    h2 ^= h2 >>> 13;
  }
  h1 ^= h1 >>> 16;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 13;
  h2 = Math.imul(h2 ^ (h2 >>> 16), 0x7feb352d);
  h2 ^= h2 >>> 15;
  hashed.h1 = h1 | 0;
  hashed.h2 = h2 | 0;
}

/** The chance that hash compaction merged two of `states` distinct states (birthday bound over 64 bits). */
export function omissionProbability(states: number): number {
  return Math.min(1, (states * states) / 2 ** 65);
}

/** How a state was first reached: its parent's index, the actor that stepped, the symmetry permutation applied. */
export interface TrailEntry {
  readonly parent: number;
  readonly actor: number;
  readonly perm: number;
}

/** The parent of the initial state. */
export const ROOT = -1;

export class StateStore {
  /** Vectors of the states from `#base` on, the ones not yet expanded. */
  #arena = new Int32Array(1 << 16);
  #arenaUsed = 0;
  #base = 0;
  /** Start of each kept vector in the arena, indexed by state index − `#base` (one more entry: the end). */
  #offsets = new Int32Array(1 << 12);
  /**
   * Both hashes of each state, side by side: finding a state reads its two hashes, and one
   * cache line then holds both (the table is far larger than any cache at real size).
   */
  #hashes = new Int32Array(1 << 13);
  #parent = new Int32Array(1 << 12);
  /** actor index (low 8 bits) and permutation index (the rest). */
  #step = new Int32Array(1 << 12);
  #table = new Int32Array(1 << 13);
  #size = 0;
  #peakArena = 0;

  get size(): number {
    return this.#size;
  }

  /** Bytes held for the states: fingerprint and trail columns, the table, and the frontier's vectors at their peak. */
  get bytes(): number {
    return this.#size * 4 * 4 + this.#table.length * 4 + this.#peakArena * 4 + (this.#size - this.#base) * 4;
  }

  /**
   * Adds the state if its fingerprint is new and returns its index; returns `-(index + 1)`
   * when a state with the same fingerprint is already stored.
   */
  add(vector: StateVector, h1: number, h2: number, parent: number, actor: number, perm: number): number {
    const found = this.#find(h1, h2);
    if (found >= 0) return -(found + 1);
    const index = this.#size;
    if (index === this.#parent.length) this.#growColumns();
    if ((index + 1) * 2 > this.#table.length) this.#growTable();
    const length = vector.length;
    const at = index - this.#base;
    if (at + 1 >= this.#offsets.length) this.#offsets = grow(this.#offsets, at + 2);
    if (this.#arenaUsed + length > this.#arena.length) this.#arena = grow(this.#arena, this.#arenaUsed + length, this.#arenaUsed);
    this.#arena.set(vector.data.subarray(0, length), this.#arenaUsed);
    this.#offsets[at] = this.#arenaUsed;
    this.#arenaUsed += length;
    this.#offsets[at + 1] = this.#arenaUsed;
    if (this.#arenaUsed > this.#peakArena) this.#peakArena = this.#arenaUsed;
    this.#hashes[2 * index] = h1;
    this.#hashes[2 * index + 1] = h2;
    this.#parent[index] = parent;
    this.#step[index] = actor | (perm << 8);
    this.#size++;
    this.#place(index, h1);
    return index;
  }

  /** The stored vector of a state not yet retired (a view into the arena: copy it before the next `add`). */
  vector(index: number): Int32Array {
    const at = index - this.#base;
    if (at < 0) throw new RangeError(`state ${index} was expanded and retired: only its fingerprint is kept`);
    return this.#arena.subarray(this.#offsets[at] as number, this.#offsets[at + 1] as number);
  }

  /** Forgets the vectors of the states below `index`: they have been expanded, their fingerprints stay. */
  retire(index: number): void {
    const drop = index - this.#base;
    if (drop <= 0) return;
    const kept = this.#size - index;
    const from = this.#offsets[drop] as number;
    this.#arena.copyWithin(0, from, this.#arenaUsed);
    this.#arenaUsed -= from;
    for (let i = 0; i <= kept; i++) this.#offsets[i] = (this.#offsets[drop + i] as number) - from;
    this.#base = index;
  }

  hash1(index: number): number {
    return this.#hashes[2 * index] as number;
  }

  hash2(index: number): number {
    return this.#hashes[2 * index + 1] as number;
  }

  trail(index: number): TrailEntry {
    const step = this.#step[index] as number;
    return { parent: this.#parent[index] as number, actor: step & 0xff, perm: step >>> 8 };
  }

  trailActor(index: number): number {
    return (this.#step[index] as number) & 0xff;
  }

  trailParent(index: number): number {
    return this.#parent[index] as number;
  }

  setTrail(index: number, parent: number, actor: number, perm: number): void {
    this.#parent[index] = parent;
    this.#step[index] = actor | (perm << 8);
  }

  #find(h1: number, h2: number): number {
    const table = this.#table;
    const mask = table.length - 1;
    for (let slot = h1 & mask; ; slot = (slot + 1) & mask) {
      const entry = table[slot] as number;
      if (entry === 0) return -1;
      const at = 2 * (entry - 1);
      if (this.#hashes[at] === h1 && this.#hashes[at + 1] === h2) return entry - 1;
    }
  }

  #place(index: number, h1: number): void {
    const table = this.#table;
    const mask = table.length - 1;
    let slot = h1 & mask;
    while (table[slot] !== 0) slot = (slot + 1) & mask;
    table[slot] = index + 1;
  }

  #growColumns(): void {
    const length = this.#parent.length * 2;
    this.#hashes = grow(this.#hashes, 2 * length);
    this.#parent = grow(this.#parent, length);
    this.#step = grow(this.#step, length);
  }

  #growTable(): void {
    this.#table = new Int32Array(this.#table.length * 2);
    for (let i = 0; i < this.#size; i++) this.#place(i, this.#hashes[2 * i] as number);
  }
}

/** A copy of `column` with room for at least `needed` entries (doubling), keeping its first `used`. */
function grow(column: Int32Array<ArrayBuffer>, needed: number, used = column.length): Int32Array<ArrayBuffer> {
  let length = column.length * 2;
  while (length < needed) length *= 2;
  const grown = new Int32Array(length);
  grown.set(column.subarray(0, used));
  return grown;
}
