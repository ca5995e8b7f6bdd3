/**
 * The visited set of the exhaustive search, SPIN-style: every state is a vector of int32
 * kept once in one growing arena, found again through an open-addressing hash table of
 * state indices. No strings, no objects per state: a state costs its vector, two hashes,
 * its trail (parent, actor, permutation) and a table slot.
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

  clear(): void {
    this.length = 0;
  }

  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

/** Two independent 32-bit hashes of a vector (murmur3-style mixing): one places it, both order it. */
export function hashVector(data: Int32Array, length: number): [number, number] {
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
  return [h1 | 0, h2 | 0];
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
  #arena = new Int32Array(1 << 16);
  #arenaUsed = 0;
  #offsets = new Int32Array(1 << 12);
  #hash1 = new Int32Array(1 << 12);
  #hash2 = new Int32Array(1 << 12);
  #parent = new Int32Array(1 << 12);
  /** actor index (low 8 bits) and permutation index (the rest). */
  #step = new Int32Array(1 << 12);
  #table = new Int32Array(1 << 13);
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** Bytes held for the states: arena, per-state columns and the table. */
  get bytes(): number {
    return this.#arenaUsed * 4 + this.#size * 4 * 5 + this.#table.length * 4;
  }

  /**
   * Adds the vector if it is new and returns its index; returns `-(index + 1)` when an equal
   * vector is already stored.
   */
  add(vector: StateVector, h1: number, h2: number, parent: number, actor: number, perm: number): number {
    const found = this.#find(vector, h1);
    if (found >= 0) return -(found + 1);
    const index = this.#size;
    if (index === this.#offsets.length - 1) this.#growColumns();
    if ((index + 1) * 2 > this.#table.length) this.#growTable();
    const length = vector.length;
    while (this.#arenaUsed + length > this.#arena.length) {
      const grown = new Int32Array(this.#arena.length * 2);
      grown.set(this.#arena.subarray(0, this.#arenaUsed));
      this.#arena = grown;
    }
    this.#arena.set(vector.data.subarray(0, length), this.#arenaUsed);
    this.#offsets[index] = this.#arenaUsed;
    this.#arenaUsed += length;
    this.#offsets[index + 1] = this.#arenaUsed;
    this.#hash1[index] = h1;
    this.#hash2[index] = h2;
    this.#parent[index] = parent;
    this.#step[index] = actor | (perm << 8);
    this.#size++;
    this.#place(index, h1);
    return index;
  }

  /** The stored vector of a state (a view into the arena: copy it before the next `add`). */
  vector(index: number): Int32Array {
    return this.#arena.subarray(this.#offsets[index] as number, this.#offsets[index + 1] as number);
  }

  hash1(index: number): number {
    return this.#hash1[index] as number;
  }

  hash2(index: number): number {
    return this.#hash2[index] as number;
  }

  trail(index: number): TrailEntry {
    const step = this.#step[index] as number;
    return { parent: this.#parent[index] as number, actor: step & 0xff, perm: step >>> 8 };
  }

  setTrail(index: number, parent: number, actor: number, perm: number): void {
    this.#parent[index] = parent;
    this.#step[index] = actor | (perm << 8);
  }

  #find(vector: StateVector, h1: number): number {
    const table = this.#table;
    const mask = table.length - 1;
    const data = vector.data;
    const length = vector.length;
    for (let slot = h1 & mask; ; slot = (slot + 1) & mask) {
      const entry = table[slot] as number;
      if (entry === 0) return -1;
      const index = entry - 1;
      if (this.#hash1[index] !== h1) continue;
      const start = this.#offsets[index] as number;
      if ((this.#offsets[index + 1] as number) - start !== length) continue;
      let same = true;
      for (let i = 0; i < length; i++) {
        if (this.#arena[start + i] !== data[i]) {
          same = false;
          break;
        }
      }
      if (same) return index;
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
    const grow = (column: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
      const grown = new Int32Array(column.length * 2);
      grown.set(column);
      return grown;
    };
    this.#offsets = grow(this.#offsets);
    this.#hash1 = grow(this.#hash1);
    this.#hash2 = grow(this.#hash2);
    this.#parent = grow(this.#parent);
    this.#step = grow(this.#step);
  }

  #growTable(): void {
    this.#table = new Int32Array(this.#table.length * 2);
    for (let i = 0; i < this.#size; i++) this.#place(i, this.#hash1[i] as number);
  }
}
