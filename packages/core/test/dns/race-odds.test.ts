import { describe, expect, it } from 'vitest';
import { IPV6_ENDPOINT, REGIONAL_ENDPOINT, ConfigError, happyPath, october2025, raceNight, raceOdds, wilsonInterval } from '../../src/index.ts';

describe('raceOdds: how likely the October race is', () => {
  it('finds the October seed racing the way AWS reported: the regional pair empty, nothing else', () => {
    const night = raceNight(october2025, october2025.seed);
    expect(night.emptied).toEqual([REGIONAL_ENDPOINT, IPV6_ENDPOINT]);
    expect(night.regionalWriteDelayMs ?? 0, 'the slow Enactor reached the regional endpoint minutes after its freshness check').toBeGreaterThan(5 * 60_000);
  });

  it('is deterministic, and most nights have no race at all', { timeout: 120_000 }, () => {
    const a = raceOdds(october2025, { nights: 60, firstSeed: 1 });
    const b = raceOdds(october2025, { nights: 60, firstSeed: 1 });
    expect(a).toEqual(b);
    expect(a.nights).toBe(60);
    expect(a.probability, 'a latent race: rare per night').toBeLessThan(0.2);
    expect(a.interval[0]).toBeLessThanOrEqual(a.probability);
    expect(a.interval[1]).toBeGreaterThanOrEqual(a.probability);
  });

  it('gives the Wilson interval', () => {
    const [low, high] = wilsonInterval(20, 1000);
    expect(low).toBeCloseTo(0.013, 3);
    expect(high).toBeCloseTo(0.0307, 3);
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
  });

  it('refuses a scenario with no degraded Enactor, naming what would do', () => {
    expect(() => raceNight(happyPath, 1)).toThrow(ConfigError);
    expect(() => raceNight(happyPath, 1)).toThrow(/degradedEnactor/);
  });
});
