import { describe, expect, it } from 'vitest';
import { MINUTE, nightDistribution, october2025Region, seedNights } from '../../src/index.ts';
import { prepareNightDistribution } from '../../src/region/distribution-threads.ts';

describe('the distribution on threads', () => {
  it('gives what one thread gives: chunks taken by whichever thread is free, joined in seed order', async () => {
    // Seeds 410–421 in chunks of three: 413 and 415 race within ten minutes of 23:48, and
    // 410–411 are counted to the repair. A few seconds.
    const range = { from: 410, to: 422, countBelow: 412, windowMs: 10 * MINUTE };
    const prepared = await prepareNightDistribution(october2025Region, range);
    const fractions: number[] = [];
    try {
      const threaded = await prepared.run((f) => fractions.push(f), 3);
      const alone = nightDistribution(seedNights(october2025Region, range), range.windowMs);
      expect(threaded).toEqual(alone);
      expect(threaded.seedsSampled).toBe(2);
      expect(fractions.at(-1)).toBe(1);
    } finally {
      prepared.dispose();
    }
    expect(prepared.code.length, 'the code the threads run, for the key of a kept copy').toBeGreaterThan(10_000);
    expect(prepared.inputs).toContain('"from":410');
  }, 120_000);
});
