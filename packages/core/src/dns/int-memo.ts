/** Entries of the direct-mapped table (a power of two). */
const SIZE = 1 << 12;

/**
 * An int → int function, remembered. The symmetry reduction asks for the same few images
 * (of an Enactor's phase, of a lock record) in almost every state it canonicalises, so the
 * hot path reads two typed arrays, and only a miss goes to the Map and, the first time, to
 * the function. Keys are never negative: the codec's codes and record ids are not.
 */
export class IntMemo {
  readonly #keys = new Int32Array(SIZE).fill(-1);
  readonly #values = new Int32Array(SIZE);
  readonly #all = new Map<number, number>();
  readonly #compute: (key: number) => number;

  constructor(compute: (key: number) => number) {
    this.#compute = compute;
  }

  /** Fixes the value of `key`, as if computed. */
  set(key: number, value: number): void {
    const at = (key ^ (key >>> 12)) & (SIZE - 1);
    this.#all.set(key, value);
    this.#keys[at] = key;
    this.#values[at] = value;
  }

  get(key: number): number {
    const at = (key ^ (key >>> 12)) & (SIZE - 1);
    if (this.#keys[at] === key) return this.#values[at] as number;
    let value = this.#all.get(key);
    if (value === undefined) {
      value = this.#compute(key);
      this.#all.set(key, value);
    }
    this.#keys[at] = key;
    this.#values[at] = value;
    return value;
  }
}
