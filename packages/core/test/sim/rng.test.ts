import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/index.ts';

describe('Rng', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const draw = (seed: number) => {
      const rng = new Rng(seed);
      return Array.from({ length: 20 }, () => rng.int(0, 1_000_000));
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('keeps draws inside their bounds', () => {
    const rng = new Rng(7);
    for (let i = 0; i < 2000; i++) {
      const n = rng.int(-3, 3);
      expect(n).toBeGreaterThanOrEqual(-3);
      expect(n).toBeLessThanOrEqual(3);
      const f = rng.float();
      expect(f >= 0 && f < 1).toBe(true);
      const j = rng.jitter(100, 0.25);
      expect(j >= 75 && j <= 125).toBe(true);
    }
  });

  it('derives streams that depend only on their parts', () => {
    expect(Rng.derive(1, 110, 0).int(0, 1e9)).toBe(Rng.derive(1, 110, 0).int(0, 1e9));
    expect(Rng.derive(1, 110, 0).int(0, 1e9)).not.toBe(Rng.derive(1, 111, 0).int(0, 1e9));
  });

  it('refuses to pick from nothing', () => {
    expect(() => new Rng(1).pick([])).toThrow(/no items/);
  });
});
