import { describe, expect, it } from 'vitest';
import {
  HOUR,
  MINUTE,
  formatHourMinute,
  impactMinutes,
  october2025Nlb,
  october2025Region,
  pdt,
  propagationDelayAt,
  runNlbScenario,
  runRegion,
  summarizeNlb,
  type FailoverPolicy,
} from '../../src/index.ts';

/** A guard against a hang, not a speed check: two whole nights of the Region and two mornings. */
const BUDGET_MS = 120_000;

/**
 * A stand-in velocity control (the core never imports a lesson): at most one AZ withdrawn
 * per hour, never fewer than two of three published, and fail open when all are unhealthy.
 */
function velocityControl(): FailoverPolicy {
  const removals: number[] = [];
  return {
    decide: ({ now, azs }) => {
      if (azs.every((az) => az.unhealthy)) return [];
      while ((removals[0] ?? Infinity) <= now - HOUR) removals.shift();
      const out = azs.filter((az) => az.withdrawn && az.unhealthy).map((az) => az.az);
      for (const az of azs.filter((a) => a.unhealthy && !a.withdrawn)) {
        if (removals.length > 0 || out.length + 1 > azs.length / 3) continue;
        removals.push(now);
        out.push(az.az);
      }
      return out;
    },
  };
}

const MORNING = { from: pdt('05:30', 20), until: pdt('09:36', 20) };

describe("lesson 03's October morning is one of the composed night's load balancers", () => {
  it("runs on the composed night's propagation delays and the heavy tier's launches", () => {
    const night = runRegion(october2025Region);
    const scenarioDelay = (t: number): number => runNlbDelay(t);
    const off: string[] = [];
    for (let t = pdt('05:30', 20); t <= pdt('11:00', 20); t += 15 * MINUTE) {
      const composed = propagationDelayAt(night.ec2.samples, t);
      if (Math.abs(composed - scenarioDelay(t)) > 3 * MINUTE) off.push(`${formatHourMinute(t)}: composed ${Math.round(composed / MINUTE)} min, october2025Nlb ${Math.round(scenarioDelay(t) / MINUTE)} min`);
    }
    expect(off, 'october2025Nlb.network.propagationDelay no longer follows the composed night; update it from the EC2 model').toEqual([]);
    const heavy = october2025Region.nlbFleet.tiers.find((t) => t.name === 'heavy');
    const morningRate = october2025Nlb.network.launchesPerAzPerHour.find((s) => s.from === pdt('05:30', 20))?.perHour ?? 0;
    // Under the operators' launch throttle EC2 accepts 1.2 launches per droplet-hour (CALIBRATION.md).
    expect(morningRate / ((heavy?.launchScale ?? 0) * night.config.ec2.operators.launchRequestsPerDropletHour)).toBeCloseTo(1, 1);
  }, BUDGET_MS);

  it('the velocity control lowers connection errors on both, the morning and the whole night (same sign)', () => {
    const morning = summarizeNlb(runNlbScenario(october2025Nlb, { seed: 1 }), MORNING).meanErrorRate;
    const morningFixed = summarizeNlb(runNlbScenario(october2025Nlb, { seed: 1, policy: velocityControl }), MORNING).meanErrorRate;
    const night = impactMinutes(runRegion(october2025Region)).nlb;
    const nightFixed = impactMinutes(runRegion(october2025Region, { fixes: { failoverPolicy: velocityControl } })).nlb;
    const story = `morning mean error ${morning.toFixed(3)} → ${morningFixed.toFixed(3)}; night ${night} → ${nightFixed} load-balancer minutes`;
    expect(Math.sign(morningFixed - morning), story).toBe(-1);
    expect(Math.sign(nightFixed - night), story).toBe(Math.sign(morningFixed - morning));
  }, BUDGET_MS);
});

function runNlbDelay(t: number): number {
  const points = october2025Nlb.network.propagationDelay;
  const first = points[0];
  if (first === undefined || t <= first.at) return first?.delayMs ?? 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (a !== undefined && b !== undefined && t <= b.at) return a.delayMs + ((b.delayMs - a.delayMs) * (t - a.at)) / (b.at - a.at);
  }
  return points[points.length - 1]?.delayMs ?? 0;
}
