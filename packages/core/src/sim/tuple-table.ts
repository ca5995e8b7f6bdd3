/**
 * Interns tuples of int32: equal tuples get one number (0, 1, 2, … in the order first
 * met) and one value, built once. The exhaustive search meets the same few thousand
 * Enactor states, zones and plan stores in millions of vectors; interning them lets a
 * decoded world reuse the objects, and lets a step be remembered by what it read. It is
 * on the search's hot path, so the tuples live in one arena and are found through an
 * open-addressing table of their numbers, as the visited set's states are.
 */
export class TupleTable<T> {
  /** Number + 1 of the tuple in each slot, 0 for an empty one; a power of two long. */
  #slots = new Int32Array(1024);
  #hashes = new Int32Array(256);
  #starts = new Int32Array(256);
  #lengths = new Int32Array(256);
  #data = new Int32Array(4096);
  #used = 0;
  readonly #values: T[] = [];

  get size(): number {
    return this.#values.length;
  }

  /** The number of `source[start..start+length)`, or -1 if it was never added. */
  find(source: ArrayLike<number>, start: number, length: number): number {
    const h = hashTuple(source, start, length);
    const slots = this.#slots;
    const mask = slots.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const entry = slots[i] as number;
      if (entry === 0) return -1;
      const n = entry - 1;
      if (this.#hashes[n] === h && this.#lengths[n] === length && this.#same(n, source, start, length)) return n;
    }
  }

  /** Adds a tuple not in the table (see `find`) with its value; returns its number. */
  add(source: ArrayLike<number>, start: number, length: number, value: T): number {
    const n = this.#values.length;
    if (n === this.#hashes.length) this.#growColumns();
    if (this.#used + length > this.#data.length) this.#growData(length);
    const h = hashTuple(source, start, length);
    const data = this.#data;
    for (let i = 0; i < length; i++) data[this.#used + i] = source[start + i] as number;
    this.#hashes[n] = h;
    this.#starts[n] = this.#used;
    this.#lengths[n] = length;
    this.#used += length;
    this.#values.push(value);
    if (2 * (n + 1) > this.#slots.length) this.#rehash(this.#slots.length * 2);
    else this.#place(n);
    return n;
  }

  value(n: number): T {
    return this.#values[n] as T;
  }

  /** The tuple numbered `n`, as a view into the arena: copy it to keep it past the next `add` or `clear`. */
  tuple(n: number): Int32Array {
    const start = this.#starts[n] as number;
    return this.#data.subarray(start, start + (this.#lengths[n] as number));
  }

  length(n: number): number {
    return this.#lengths[n] as number;
  }

  /** Writes the tuple numbered `n` into `into` from `at`: no view to allocate on the hot path. */
  copy(n: number, into: number[], at: number): void {
    const data = this.#data;
    const start = this.#starts[n] as number;
    const length = this.#lengths[n] as number;
    for (let i = 0; i < length; i++) into[at + i] = data[start + i] as number;
  }

  /** Pushes the tuple numbered `n` onto `out`. */
  push(n: number, out: { push(value: number): void }): void {
    const data = this.#data;
    const start = this.#starts[n] as number;
    const end = start + (this.#lengths[n] as number);
    for (let i = start; i < end; i++) out.push(data[i] as number);
  }

  clear(): void {
    this.#slots.fill(0);
    this.#used = 0;
    this.#values.length = 0;
  }

  #same(n: number, source: ArrayLike<number>, start: number, length: number): boolean {
    const data = this.#data;
    const at = this.#starts[n] as number;
    for (let i = 0; i < length; i++) if (data[at + i] !== source[start + i]) return false;
    return true;
  }

  #place(n: number): void {
    const slots = this.#slots;
    const mask = slots.length - 1;
    let i = (this.#hashes[n] as number) & mask;
    while (slots[i] !== 0) i = (i + 1) & mask;
    slots[i] = n + 1;
  }

  #rehash(size: number): void {
    this.#slots = new Int32Array(size);
    for (let n = 0; n < this.#values.length; n++) this.#place(n);
  }

  #growColumns(): void {
    const grow = (column: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
      const grown = new Int32Array(column.length * 2);
      grown.set(column);
      return grown;
    };
    this.#hashes = grow(this.#hashes);
    this.#starts = grow(this.#starts);
    this.#lengths = grow(this.#lengths);
  }

  #growData(length: number): void {
    let size = this.#data.length * 2;
    while (size < this.#used + length) size *= 2;
    const grown = new Int32Array(size);
    grown.set(this.#data.subarray(0, this.#used));
    this.#data = grown;
  }
}

/** A 31-bit hash of `source[start..start+length)`. */
export function hashTuple(source: ArrayLike<number>, start: number, length: number): number {
  let h = 0x9747b28c ^ length;
  for (let i = start; i < start + length; i++) {
    let k = Math.imul(source[i] as number, 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    h ^= k;
    h = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h & 0x7fffffff;
}
