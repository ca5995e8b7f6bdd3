import { beforeAll, describe, expect, it } from 'vitest';
import { compareDependents, dependentWindows, DEPENDENT_SERVICES, detectRegionPhases, drawDependents, formatDependents, october2025Region, pdt, runRegion, type DependentComparison, type RegionNight } from '../../src/index.ts';
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

  it("gives STS a second window from the hit load balancers, which the model cannot tell apart from STS's own", () => {
    const second = row('STS', 1);
    const model = second?.model ?? null;
    expect(model, 'the model has a second STS window').not.toBeNull();
    const nlb = detectRegionPhases(night).nlbErrors;
    expect(model?.startMs).toBe(nlb?.startMs);
    expect(model?.endMs).toBe(nlb?.endMs);
  });

  it("compares Redshift with AWS's end (21 Oct 04:05) and names its recovery, and Lambda's afternoon tail, as not modelled", () => {
    const redshift = row('Redshift');
    expect(redshift?.aws.endMs).toBe(pdt('04:05', 20) + 24 * 3_600_000);
    expect(redshift?.durationError ?? 0).toBeLessThan(-0.25);
    const text = formatDependents(night);
    expect(text).toContain("Redshift's own recovery, clusters restored by 21 Oct 04:05, is not modelled");
    expect(text).toContain('the afternoon tail is not modelled');
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
