/**
 * A binary min-heap of events ordered by (time, sequence number). The sequence number
 * breaks ties in insertion order, which is what makes two runs with one seed identical.
 * Times and sequence numbers live in parallel typed arrays so that the hot loop touches
 * no objects but the payloads.
 */
export class EventQueue<T> {
  #times = new Float64Array(64);
  #seqs = new Float64Array(64);
  #items: (T | undefined)[] = new Array<T | undefined>(64);
  #size = 0;
  #nextSeq = 0;

  get size(): number {
    return this.#size;
  }

  /** Time of the earliest event, or Infinity when the queue is empty. */
  peekTime(): number {
    return this.#size > 0 ? (this.#times[0] as number) : Infinity;
  }

  push(time: number, item: T): void {
    if (this.#size === this.#times.length) this.#grow();
    let i = this.#size++;
    const seq = this.#nextSeq++;
    const times = this.#times;
    const seqs = this.#seqs;
    const items = this.#items;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent] as number;
      if (pt < time || (pt === time && (seqs[parent] as number) < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[parent] as number;
      items[i] = items[parent];
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    items[i] = item;
  }

  /** Removes and returns the earliest event's payload; undefined when empty. */
  pop(): T | undefined {
    if (this.#size === 0) return undefined;
    const items = this.#items;
    const top = items[0];
    const last = --this.#size;
    if (last > 0) this.#siftDown(this.#times[last] as number, this.#seqs[last] as number, items[last]);
    items[last] = undefined;
    return top;
  }

  clear(): void {
    this.#items.fill(undefined, 0, this.#size);
    this.#size = 0;
  }

  #siftDown(time: number, seq: number, item: T | undefined): void {
    const times = this.#times;
    const seqs = this.#seqs;
    const items = this.#items;
    const n = this.#size;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (
        right < n &&
        ((times[right] as number) < (times[child] as number) ||
          (times[right] === times[child] && (seqs[right] as number) < (seqs[child] as number)))
      ) {
        child = right;
      }
      const ct = times[child] as number;
      if (ct > time || (ct === time && (seqs[child] as number) > seq)) break;
      times[i] = ct;
      seqs[i] = seqs[child] as number;
      items[i] = items[child];
      i = child;
    }
    times[i] = time;
    seqs[i] = seq;
    items[i] = item;
  }

  #grow(): void {
    const capacity = this.#times.length * 2;
    const times = new Float64Array(capacity);
    times.set(this.#times);
    const seqs = new Float64Array(capacity);
    seqs.set(this.#seqs);
    this.#times = times;
    this.#seqs = seqs;
    this.#items.length = capacity;
  }
}
