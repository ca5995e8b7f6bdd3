/**
 * The visited set of the parallel search: one open-addressing table in shared memory that
 * every worker probes and inserts into while it expands, so a worker can expand any run of
 * a level's states, not only the states whose hash falls to it. Hash-partitioned workers
 * (distributed SPIN's scheme) each expand a scattered half of every level: a state's
 * siblings, which meet the same remembered steps and interned parts, land on different
 * workers, and each worker then paid as much per state as one thread searching alone.
 *
 * A slot is three int32s: the state's two hashes and its reference + 1 (0: empty; BUSY:
 * being written). A worker claims an empty slot with a compare-and-exchange on the
 * reference, writes the hashes, then publishes the reference, so a reader that sees a
 * reference sees its hashes. The table only grows between levels (`grown`), when no
 * worker is inserting; the search sizes it so that a level cannot fill it.
 */

const BUSY = -1;
const WIDTH = 3;
/** A level is searched only with the table at most this full after it, whatever it adds. */
const MAX_LOAD = 0.75;

export class SharedVisited {
  readonly memory: SharedArrayBuffer;
  readonly #table: Int32Array;
  readonly #mask: number;

  constructor(memory: SharedArrayBuffer) {
    this.memory = memory;
    this.#table = new Int32Array(memory);
    this.#mask = this.#table.length / WIDTH - 1;
  }

  /** A table of `slots` slots (a power of two). */
  static create(slots: number): SharedVisited {
    return new SharedVisited(new SharedArrayBuffer(slots * WIDTH * 4));
  }

  get slots(): number {
    return this.#mask + 1;
  }

  get bytes(): number {
    return this.memory.byteLength;
  }

  /**
   * Inserts the state with reference `ref` unless one with the same hashes is there;
   * returns -1 when it inserted, else the reference of the state already there.
   */
  insert(h1: number, h2: number, ref: number): number {
    const table = this.#table;
    const mask = this.#mask;
    for (let slot = h1 & mask; ; ) {
      const at = slot * WIDTH;
      const entry = Atomics.load(table, at + 2);
      if (entry === 0) {
        if (Atomics.compareExchange(table, at + 2, 0, BUSY) !== 0) continue;
        table[at] = h1;
        table[at + 1] = h2;
        Atomics.store(table, at + 2, ref + 1);
        return -1;
      }
      if (entry === BUSY) continue;
      if (table[at] === h1 && table[at + 1] === h2) return entry - 1;
      slot = (slot + 1) & mask;
    }
  }

  /**
   * This table, or a larger copy of it when `states` stored plus at most `coming` more
   * would fill it beyond `MAX_LOAD`. Called between levels only.
   */
  grown(states: number, coming: number): SharedVisited {
    const needed = (states + coming) / MAX_LOAD;
    if (needed <= this.slots) return this;
    let slots = this.slots * 2;
    while (slots < needed) slots *= 2;
    const next = SharedVisited.create(slots);
    const table = this.#table;
    for (let at = 0; at < table.length; at += WIDTH) {
      const entry = table[at + 2] as number;
      if (entry > 0) next.insert(table[at] as number, table[at + 1] as number, entry - 1);
    }
    return next;
  }
}
