import { beforeAll, describe, expect, it } from 'vitest';
import { compareDependents, dependentWindows, DEPENDENT_SERVICES, drawDependents, formatDependents, october2025Region, runRegion, type DependentComparison, type RegionNight } from '../../src/index.ts';
import { renderTornado } from '../../src/render/index.ts';
import { xmlProblems } from '../render/well-formed.ts';

/** A whole night of the Region: about a second on a quiet machine. A guard against a hang, not a speed check. */
const NIGHT_BUDGET_MS = 120_000;

let night: RegionNight;
let rows: DependentComparison[];
beforeAll(() => {
  night = runRegion(october2025Region);
  rows = compareDependents(night);
}, NIGHT_BUDGET_MS);

describe('the services that fell with DynamoDB', () => {
  const row = (label: string, i = 0) => rows.filter((r) => r.label === label)[i];

  it('starts each within minutes of AWS, from the model’s own signals', () => {
    for (const r of rows) {
      expect(r.model, `${r.label} never impaired in the model`).not.toBeNull();
      if (r.aws.startMs < october2025Region.startMs + 5 * 3_600_000) expect(Math.abs(r.startErrorMs ?? Infinity), r.label).toBeLessThanOrEqual(10 * 60_000);
    }
  });

  it('lands Lambda, STS’s first window and IAM sign-in within ±25% of AWS’s windows', () => {
    for (const r of [row('Lambda'), row('STS'), row('IAM console sign-in')]) {
      expect(Math.abs(r?.durationError ?? Infinity), `${r?.label}: ${JSON.stringify(r)}`).toBeLessThanOrEqual(0.25);
    }
  });

  it('misses STS’s second window by far, the shortfall the README names (one NLB stands for all), yet holds AWS’s window inside its own', () => {
    const second = row('STS', 1);
    expect(second?.durationError ?? 0).toBeGreaterThan(0.25);
    const model = second?.model ?? null;
    expect(model, 'the model has a second STS window').not.toBeNull();
    expect(model?.startMs ?? Infinity).toBeLessThanOrEqual(second?.aws.startMs ?? -Infinity);
    expect(model?.endMs ?? -Infinity).toBeGreaterThanOrEqual(second?.aws.endMs ?? Infinity);
    expect(formatDependents(night)).toContain("outside ±25%: one NLB stands for all the Region's");
  });

  it('spares every dependent in a night without the degraded Enactor', { timeout: NIGHT_BUDGET_MS }, () => {
    const dns = { ...october2025Region.dns, config: { ...october2025Region.dns.config, faults: [] } };
    const calm = runRegion({ ...october2025Region, dns });
    for (const s of DEPENDENT_SERVICES) expect(dependentWindows(calm, s), s.label).toEqual([]);
  });

  it('draws AWS’s windows beside the model’s as well-formed SVG', () => {
    const svg = drawDependents(night);
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).toContain('Lambda: AWS');
    expect(svg).toContain('Redshift: model');
  });

  it('draws a tornado chart, widest swing first', () => {
    const svg = renderTornado({ title: 't', xLabel: 'x', lowLabel: 'low', highLabel: 'high', bars: [{ label: 'small', low: -0.1, high: 0.1 }, { label: 'wide', low: -1, high: 2, note: 'a phase' }] });
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg.indexOf('wide')).toBeLessThan(svg.indexOf('small'));
  });
});
