import { beforeAll, describe, expect, it } from 'vitest';
import { AS_IT_HAPPENED, drawCumulativeImpact, drawRegionNight, drawVariantImpact, forgetMemos, impactMinutes, october2025Region, runRegion, type RegionNight, type VariantOutcome } from '../../src/index.ts';
import { xmlProblems } from '../render/well-formed.ts';

/** A whole night of the Region: about a second on a quiet machine. A guard against a hang, not a speed check. */
const NIGHT_BUDGET_MS = 120_000;

let night: RegionNight;
let outcome: VariantOutcome;
beforeAll(() => {
  night = runRegion(october2025Region);
  outcome = { variant: AS_IT_HAPPENED, night, impact: impactMinutes(night) };
}, NIGHT_BUDGET_MS);

describe('charts drawn from the simulator', () => {
  it('draws the cascade with every service and the operators’ actions, as well-formed SVG', () => {
    const svg = drawRegionNight(night);
    expect(xmlProblems(svg)).toEqual([]);
    for (const text of ['DynamoDB errors', 'EC2 launch failures', 'NLB errors', '02:25 records restored', '04:14 DWFM throttled', '09:36 NLB failover off']) {
      expect(svg, `the chart should show "${text}"`).toContain(text);
    }
  });

  it('draws per-variant charts that name each variant and give its impact minutes', () => {
    const svg = drawVariantImpact([outcome], 'dynamodb');
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).toContain(`DynamoDB API errors per variant: ${Math.round(outcome.impact.dynamodb)} impact minutes`);
    expect(svg).toContain('as it happened');
    expect(xmlProblems(drawCumulativeImpact([outcome]))).toEqual([]);
  });

  it('draws the same bytes for the same night', { timeout: NIGHT_BUDGET_MS }, () => {
    // A night run anew, not the one already in memory, or the bytes could not differ.
    forgetMemos();
    const again = runRegion(october2025Region);
    expect(again).not.toBe(night);
    expect(drawRegionNight(again)).toBe(drawRegionNight(night));
  });
});
