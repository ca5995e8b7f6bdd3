import type { Rng } from '../sim/rng.ts';

/**
 * Droplets waiting to ask DWFM again after being turned away or dropped, counted per
 * lease class and per tick of their next attempt. Each one asks again at its next state
 * check, so the retries of a cohort spread over one check interval instead of arriving
 * together.
 */
export class RetryRing {
  readonly #slots: Float64Array[];
  readonly #span: number;
  #waiting = 0;

  constructor(classes: number, spanTicks: number) {
    this.#span = spanTicks;
    this.#slots = Array.from({ length: classes }, () => new Float64Array(spanTicks + 1));
  }

  get waiting(): number {
    return this.#waiting;
  }

  /** `count` droplets of `cls` will ask again, spread over the ticks after `tick`. */
  add(cls: number, count: number, tick: number, rng: Rng): void {
    if (count <= 0) return;
    const slots = this.#slots[cls] as Float64Array;
    const size = slots.length;
    const per = Math.floor(count / this.#span);
    if (per > 0) for (let d = 1; d <= this.#span; d++) slots[(tick + d) % size] = (slots[(tick + d) % size] as number) + per;
    for (let left = count - per * this.#span; left > 0; left--) {
      const at = (tick + rng.int(1, this.#span)) % size;
      slots[at] = (slots[at] as number) + 1;
    }
    this.#waiting += count;
  }

  /** Hands over the droplets whose retry falls on `tick`. */
  due(tick: number, onDue: (cls: number, count: number) => void): void {
    for (let cls = 0; cls < this.#slots.length; cls++) {
      const slots = this.#slots[cls] as Float64Array;
      const at = tick % slots.length;
      const count = slots[at] as number;
      if (count === 0) continue;
      slots[at] = 0;
      this.#waiting -= count;
      onDue(cls, count);
    }
  }
}
