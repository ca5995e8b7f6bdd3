/** Where `PartImages` reads an interned part's codes (interned-parts.ts). */
export interface PartSource {
  copyEnactor(slot: number, n: number, into: number[], at: number): void;
  copyZone(n: number, into: number[]): void;
}

/** How the symmetry reduction sees one code: its sort key, and its image under permutation p. */
export interface CodeImages {
  key(code: number): number;
  value(p: number, code: number): number;
  record(p: number, id: number): number;
}

/**
 * What canonicalising a world made of interned parts needs of each part, worked out the
 * first time the part is met (symmetry.ts, `writeParts`). For the Enactor states, one pool
 * per slot holds, at part number × `stride`, the state's sort keys and then its block's
 * image under every permutation, side by side, so that a state reads a few cache lines
 * rather than a dozen small arrays; for the zones, their records' images, sorted.
 * Part numbers mean nothing once the codec's tables start again: then `forget`.
 */
export class PartImages {
  readonly stride: number;
  readonly #width: number;
  readonly #permutations: number;
  readonly #source: PartSource;
  readonly #codes: CodeImages;
  readonly #scratch: number[] = [];
  #pools: Int32Array[] = [];
  #filled: Uint8Array[] = [];
  #zones: (Int32Array | undefined)[][] = [];

  constructor(slots: number, width: number, permutations: number, source: PartSource, codes: CodeImages) {
    this.stride = width * (1 + permutations);
    this.#width = width;
    this.#permutations = permutations;
    this.#source = source;
    this.#codes = codes;
    this.#pools = Array.from({ length: slots }, () => new Int32Array(this.stride * 256));
    this.#filled = Array.from({ length: slots }, () => new Uint8Array(256));
    this.forget();
  }

  forget(): void {
    this.#zones = Array.from({ length: this.#permutations }, () => []);
    for (const filled of this.#filled) filled.fill(0);
  }

  /** The pool of `slot`: read it after `at`, which may replace it. */
  pool(slot: number): Int32Array {
    return this.#pools[slot] as Int32Array;
  }

  /** Where part `n` of `slot` starts in its pool: its keys, then its image under permutation p at `width × (1 + p)`. */
  at(slot: number, n: number): number {
    let filled = this.#filled[slot] as Uint8Array;
    if (n >= filled.length) filled = this.#grow(slot, n);
    const at = n * this.stride;
    if (filled[n] === 0) {
      const pool = this.#pools[slot] as Int32Array;
      const codes = this.#codes;
      const scratch = this.#scratch;
      const width = this.#width;
      this.#source.copyEnactor(slot, n, scratch, 0);
      for (let f = 0; f < width; f++) pool[at + f] = codes.key(scratch[f] as number);
      for (let p = 0; p < this.#permutations; p++) {
        for (let f = 0; f < width; f++) pool[at + width * (1 + p) + f] = codes.value(p, scratch[f] as number);
      }
      filled[n] = 1;
    }
    return at;
  }

  /** The record ids of zone `n`'s image under permutation `p`, sorted. */
  zone(p: number, n: number): Int32Array {
    const byZone = this.#zones[p] as (Int32Array | undefined)[];
    let known = byZone[n];
    if (known === undefined) {
      const scratch = this.#scratch;
      this.#source.copyZone(n, scratch);
      known = p === 0 ? Int32Array.from(scratch) : Int32Array.from(scratch, (id) => this.#codes.record(p, id)).sort();
      byZone[n] = known;
    }
    return known;
  }

  #grow(slot: number, n: number): Uint8Array {
    const old = this.#filled[slot] as Uint8Array;
    let length = old.length * 2;
    while (length <= n) length *= 2;
    const pool = new Int32Array(length * this.stride);
    pool.set(this.#pools[slot] as Int32Array);
    this.#pools[slot] = pool;
    const filled = new Uint8Array(length);
    filled.set(old);
    this.#filled[slot] = filled;
    return filled;
  }
}
