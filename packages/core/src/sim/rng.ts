import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

/**
 * The one source of randomness in a simulation. Every component receives this object
 * (never the global random function), so a seed fixes everything that happens.
 */
export class Rng {
  readonly #gen: JumpableRandomGenerator;

  constructor(readonly seed: number) {
    this.#gen = xoroshiro128plus(seed | 0);
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return uniformInt(this.#gen, min, max);
  }

  /** Uniform float in [0, 1). 2^30 steps is plenty for latencies and probabilities. */
  float(): number {
    return uniformInt(this.#gen, 0, 0x3fffffff) / 0x40000000;
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Rng.pick: no items to pick from');
    return items[this.int(0, items.length - 1)] as T;
  }

  /** A value spread uniformly within ±fraction around `ms`, rounded to whole milliseconds. */
  jitter(ms: number, fraction: number): number {
    if (ms <= 0 || fraction <= 0) return Math.max(0, Math.round(ms));
    const spread = ms * fraction;
    return Math.max(0, Math.round(ms - spread + this.float() * 2 * spread));
  }

  /**
   * An independent stream derived from this seed and a label, used where a value must not
   * depend on how many draws happened before (a plan's content depends on its generation,
   * not on how the Enactors interleaved).
   */
  static derive(seed: number, ...parts: readonly number[]): Rng {
    let h = (seed | 0) ^ 0x9e3779b9;
    for (const part of parts) {
      h = Math.imul(h ^ (part | 0), 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
    }
    return new Rng(h);
  }
}
