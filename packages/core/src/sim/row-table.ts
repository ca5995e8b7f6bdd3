import { hashTuple } from './tuple-table.ts';

/**
 * A hash table of fixed-width int rows (a key and a payload) kept in the open-addressing
 * slots themselves, with a value per row for what is not an int. Finding a row and reading
 * its payload touches one place in memory: at the night's real size the step memo holds
 * hundreds of thousands of rows, far more than any cache, and a table of indices into
 * columns cost two or three cache misses where this costs one.
 */
export class RowTable<T> {
  readonly #keyWidth: number;
  readonly #stride: number;
  /** Per slot: 1 when used, the key, the payload. */
  #rows: Int32Array;
  #values: (T | undefined)[];
  #mask: number;
  #size = 0;

  constructor(keyWidth: number, payloadWidth: number, slots = 1 << 10) {
    this.#keyWidth = keyWidth;
    this.#stride = 1 + keyWidth + payloadWidth;
    this.#rows = new Int32Array(slots * this.#stride);
    this.#values = new Array<T | undefined>(slots);
    this.#mask = slots - 1;
  }

  get size(): number {
    return this.#size;
  }

  /** The row holding `key`, or -1. */
  find(key: Int32Array): number {
    const rows = this.#rows;
    const width = this.#keyWidth;
    const stride = this.#stride;
    for (let slot = hashTuple(key, 0, width) & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const at = slot * stride;
      if (rows[at] === 0) return -1;
      let same = true;
      for (let i = 0; i < width && same; i++) same = rows[at + 1 + i] === key[i];
      if (same) return slot;
    }
  }

  /** Adds a row for `key` (not in the table) and returns it. */
  add(key: Int32Array, payload: ArrayLike<number>, value: T): number {
    if ((this.#size + 1) * 2 > this.#mask + 1) this.#grow();
    const rows = this.#rows;
    const stride = this.#stride;
    let slot = hashTuple(key, 0, this.#keyWidth) & this.#mask;
    while (rows[slot * stride] !== 0) slot = (slot + 1) & this.#mask;
    const at = slot * stride;
    rows[at] = 1;
    for (let i = 0; i < this.#keyWidth; i++) rows[at + 1 + i] = key[i] as number;
    for (let i = 0; i < payload.length; i++) rows[at + 1 + this.#keyWidth + i] = payload[i] as number;
    this.#values[slot] = value;
    this.#size++;
    return slot;
  }

  payload(row: number, i: number): number {
    return this.#rows[row * this.#stride + 1 + this.#keyWidth + i] as number;
  }

  setPayload(row: number, i: number, value: number): void {
    this.#rows[row * this.#stride + 1 + this.#keyWidth + i] = value;
  }

  value(row: number): T {
    const value = this.#values[row];
    if (value === undefined) throw new RangeError(`row ${row} is empty`);
    return value;
  }

  clear(): void {
    this.#rows.fill(0);
    this.#values.fill(undefined);
    this.#size = 0;
  }

  #grow(): void {
    const old = this.#rows;
    const values = this.#values;
    const stride = this.#stride;
    const slots = (this.#mask + 1) * 2;
    const rows = new Int32Array(slots * stride);
    this.#rows = rows;
    this.#values = new Array<T | undefined>(slots);
    this.#mask = slots - 1;
    for (let at = 0, slot = 0; at < old.length; at += stride, slot++) {
      if (old[at] === 0) continue;
      let to = hashTuple(old, at + 1, this.#keyWidth) & this.#mask;
      while (rows[to * stride] !== 0) to = (to + 1) & this.#mask;
      // Copied int by int: a subarray per row would allocate hundreds of thousands of views.
      for (let i = 0, into = to * stride; i < stride; i++) rows[into + i] = old[at + i] as number;
      this.#values[to] = values[slot];
    }
  }
}
