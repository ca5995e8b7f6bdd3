import { describe, expect, it } from 'vitest';
import { MINUTE, detectRegionPhases, formatDistribution, formatHourMinute, nightDistribution, october2025Region, pdt, raceTime, runRegion, seedNights, spread, type RegionPhases, type SeedNight } from '../../src/index.ts';

const span = (from: string, to: string, day: 19 | 20 = 20) => ({ startMs: pdt(from, day), endMs: pdt(to, day) });
const phases = (race: string): RegionPhases => ({
  dynamoErrors: { startMs: pdt(race), endMs: pdt('02:40', 20) },
  leaseTimeouts: null,
  cacheTail: span('02:25', '02:40'),
  collapse: span('02:25', '04:14'),
  recovery: span('04:14', '05:28'),
  launchRamp: span('05:28', '06:21'),
  nlbErrors: race === '23:50' ? null : span('07:40', '09:30'),
  propagationBacklog: span('06:21', '10:36'),
});
const night = (seed: number, raceAt: string | null, counted: boolean, sampled: boolean): SeedNight => ({
  seed,
  raceAt: raceAt === null ? null : pdt(raceAt),
  counted,
  phases: sampled && raceAt !== null ? phases(raceAt) : null,
});

describe('the October night as one sample of many', () => {
  it('takes the 10th, 50th and 90th percentiles by nearest rank', () => {
    expect(spread([])).toBeNull();
    expect(spread([5])).toEqual({ p10: 5, p50: 5, p90: 5 });
    expect(spread([10, 1, 9, 2, 8, 3, 7, 4, 6, 5])).toEqual({ p10: 1, p50: 5, p90: 9 });
  });

  it('counts the race share over the counted nights only, and the phase edges over the sampled ones', () => {
    const nights = [
      night(1, '23:45', true, true),
      night(2, null, true, false),
      night(3, '01:10', true, false),
      night(4, null, true, false),
      night(5, '23:50', false, true),
      night(6, '23:52', false, true),
    ];
    const d = nightDistribution(nights, 10 * MINUTE);
    expect(d.nightsCounted).toBe(4);
    expect(d.nightsRaced).toBe(2);
    expect(d.raceShare).toBe(0.5);
    expect(d.seedsTried).toBe(6);
    expect(d.seedsSampled).toBe(3);
    const dynamo = d.phases.find((p) => p.phase === 'dynamoErrors');
    expect(dynamo?.start && formatHourMinute(dynamo.start.p50)).toBe('23:50');
    const nlb = d.phases.find((p) => p.phase === 'nlbErrors');
    expect(nlb?.happened, 'a phase that did not happen in a night is not counted as one').toBe(2);
    const text = formatDistribution(d, { seed: 20251351, phases: phases('23:50') });
    expect(text).toContain('2 of 4 seeds (50%)');
    expect(text).toContain('Phase edges over 3 nights whose race falls within ±10 min');
    expect(text).toMatch(/NLB connection errors.* in 2 of 3 nights/);
  });

  it('finds each seed’s race to the millisecond, and a kept night is the whole night runRegion runs', () => {
    // Counted seeds run to the repair; the others are cut at 23:58. The times are the
    // nights' own, pinned so that a faster screen can be shown to find the same races.
    const counted = seedNights(october2025Region, { from: 385, to: 388, countBelow: 388, windowMs: 10 * MINUTE });
    expect(counted.map((n) => n.raceAt)).toEqual([86391790, 89121943, 86045683]);
    expect(counted.map((n) => n.phases !== null), 'only 23:54 falls within ten minutes of 23:48').toEqual([false, false, true]);
    const cut = seedNights(october2025Region, { from: 413, to: 416, countBelow: 0, windowMs: 10 * MINUTE });
    expect(cut.map((n) => n.raceAt), 'seed 414 has not raced by 23:58').toEqual([86256884, null, 85371352]);
    const kept = cut[2]?.phases;
    expect(kept).toEqual(detectRegionPhases(runRegion({ ...october2025Region, seed: 415 })));
    expect(kept?.nlbErrors && `${formatHourMinute(kept.nlbErrors.startMs)}–${formatHourMinute(kept.nlbErrors.endMs)}`).toBe('08:02–09:37');
  }, 120_000);

  it("finds the canonical seed's race where the Region's night has it (23:50)", () => {
    const at = raceTime(october2025Region, october2025Region.seed);
    expect(at === null ? 'never' : formatHourMinute(at)).toBe('23:50');
  }, 120_000);
});
