import { describe, expect, it } from 'vitest';
import { IPV6_ENDPOINT, REGIONAL_ENDPOINT, ConfigError, happyPath, raceNight, raceOdds, wilsonInterval } from '../../src/index.ts';
import { october2025 } from '../../src/judge.ts';

describe('raceOdds: how likely the October race is', () => {
  it('empties the regional endpoint only after a long delay, and then nothing walked before it', { timeout: 120_000 }, () => {
    let hit = null;
    for (let seed = 1; seed <= 400 && hit === null; seed++) {
      const night = raceNight(october2025, seed);
      if (night.regionalEmpty) hit = night;
    }
    expect(hit, 'no night of 400 emptied the regional endpoint').not.toBeNull();
    for (const name of hit?.emptied ?? []) expect([REGIONAL_ENDPOINT, IPV6_ENDPOINT], 'the first empty endpoint wedges everything after it').toContain(name);
    const { plannerPeriodMs, cleanupThreshold } = october2025.config;
    expect(hit?.regionalWriteDelayMs ?? 0, 'a stale write needs a delay longer than the clean-up threshold in plans').toBeGreaterThan(plannerPeriodMs * cleanupThreshold);
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
