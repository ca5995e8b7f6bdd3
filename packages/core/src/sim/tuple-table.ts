/**
 * Interns tuples of int32: equal tuples get one number (0, 1, 2, … in the order first
 * met) and one value, built once. The exhaustive search meets the same few thousand
 * Enactor states, zones and plan stores in millions of vectors; interning them lets a
 * decoded world reuse the objects, and lets a step be remembered by what it read.
 */
export class TupleTable<T> {
  /** First entry of each hash's chain, then `#next` links the rest. */
  readonly #heads = new Map<number, number>();
  readonly #next: number[] = [];
  readonly #hashes: number[] = [];
  readonly #tuples: Int32Array[] = [];
  readonly #values: T[] = [];

  get size(): number {
    return this.#values.length;
  }

  /** The number of `source[start..start+length)`, or -1 if it was never added. */
  find(source: ArrayLike<number>, start: number, length: number): number {
    const h = hashTuple(source, start, length);
    for (let n = this.#heads.get(h) ?? -1; n >= 0; n = this.#next[n] as number) {
      if (this.#hashes[n] === h && sameTuple(this.#tuples[n] as Int32Array, source, start, length)) return n;
    }
    return -1;
  }

  /** Adds a tuple not in the table (see `find`) with its value; returns its number. */
  add(source: ArrayLike<number>, start: number, length: number, value: T): number {
    const h = hashTuple(source, start, length);
    const n = this.#values.length;
    const tuple = new Int32Array(length);
    for (let i = 0; i < length; i++) tuple[i] = source[start + i] as number;
    this.#tuples.push(tuple);
    this.#values.push(value);
    this.#hashes.push(h);
    this.#next.push(this.#heads.get(h) ?? -1);
    this.#heads.set(h, n);
    return n;
  }

  value(n: number): T {
    return this.#values[n] as T;
  }

  tuple(n: number): Int32Array {
    return this.#tuples[n] as Int32Array;
  }

  clear(): void {
    this.#heads.clear();
    this.#next.length = 0;
    this.#hashes.length = 0;
    this.#tuples.length = 0;
    this.#values.length = 0;
  }
}

function hashTuple(source: ArrayLike<number>, start: number, length: number): number {
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
  return h | 0;
}

function sameTuple(tuple: Int32Array, source: ArrayLike<number>, start: number, length: number): boolean {
  if (tuple.length !== length) return false;
  for (let i = 0; i < length; i++) if (tuple[i] !== source[start + i]) return false;
  return true;
}
