import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { niceTicks } from '../../src/render/index.ts';

describe('niceTicks', () => {
  it('picks round steps', () => {
    expect(niceTicks(0, 8, 5)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(0, 0.3, 3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(3, 97, 5)).toEqual([0, 20, 40, 60, 80, 100]);
  });

  it('always covers the range with evenly spaced ticks of 1, 2 or 5 × 10^k', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e8, max: 1e8 }).map((n) => n / 100), fc.double({ min: 1e-3, max: 1e6, noNaN: true }), fc.integer({ min: 2, max: 10 }), (min, span, n) => {
        const ticks = niceTicks(min, min + span, n);
        expect(ticks[0]).toBeLessThanOrEqual(min);
        expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(min + span - Math.abs(min + span) * 1e-9);
        expect(ticks.length).toBeLessThanOrEqual(2 * n + 3);
        const step = (ticks[1] ?? 0) - (ticks[0] ?? 0);
        const mantissa = Number((step / 10 ** Math.floor(Math.log10(step))).toPrecision(3));
        expect([1, 2, 5, 10]).toContain(mantissa);
      }),
    );
  });
});
