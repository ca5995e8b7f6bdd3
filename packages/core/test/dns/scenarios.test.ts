import { describe, expect, it } from 'vitest';
import {
  IPV6_ENDPOINT,
  REGIONAL_ENDPOINT,
  createDnsModel,
  formatClock,
  formatTimeline,
  happyPath,
  pdt,
  runModel,
  type DnsScenario,
} from '../../src/index.ts';
import { DNS_INVARIANTS, october2025 } from '../../src/judge.ts';

function run(scenario: DnsScenario) {
  return runModel(createDnsModel(scenario.config, { name: scenario.name }), {
    seed: scenario.seed,
    untilMs: scenario.untilMs,
    invariants: DNS_INVARIANTS,
    stopOnViolation: false,
  });
}

describe('october2025', () => {
  const night = run(october2025);
  const firstEmpty = night.violations.find((v) => v.invariant === 'regional-endpoint-resolves');
  const story = () => formatTimeline(night.trace, { from: Math.max(0, (firstEmpty?.step ?? 0) - 12), maxLines: 30, violations: night.violations.slice(0, 3) });

  it('empties dynamodb.us-east-1.amazonaws.com a few minutes before 23:48', () => {
    expect(firstEmpty, `the race never happened for seed ${october2025.seed} (replay: ${october2025.name}@timed#${october2025.seed})`).toBeDefined();
    const at = firstEmpty?.time ?? 0;
    expect(at, `the endpoint went empty at ${formatClock(at)}`).toBeGreaterThan(pdt('23:45'));
    expect(at, `the endpoint went empty at ${formatClock(at)}`).toBeLessThan(pdt('23:49'));
  });

  it('gets there for the real reason: a stale write after a one-time check, then clean-up', () => {
    const stale = night.trace.find((s) => s.actor === 'enactor-az1' && s.action.includes(REGIONAL_ENDPOINT) && s.result.includes('overwrote newer gen'));
    expect(stale, story()).toBeDefined();
    const cleanup = night.trace.find((s) => s.action.startsWith('clean up') && s.result.includes('deleted the active set of'));
    expect(cleanup, story()).toBeDefined();
    expect(cleanup?.index ?? 0).toBeGreaterThan(stale?.index ?? Infinity);
  });

  it('empties the IPv6 twin too, since it is served from the same plan entry', () => {
    const empty = night.trace.find((s) => s.result.includes(`deleted the active set of ${REGIONAL_ENDPOINT} and ${IPV6_ENDPOINT}`));
    expect(empty, story()).toBeDefined();
  });

  it('wedges: no Enactor applies a newer plan to the regional endpoint until the operators repair it', () => {
    const repairAt = pdt('02:25', 20);
    const between = night.trace.filter((s) => s.time > (firstEmpty?.time ?? 0) && s.time < repairAt && s.action.startsWith('apply') && s.action.endsWith(` ${REGIONAL_ENDPOINT}`));
    expect(between.length, 'Enactors should keep trying newer plans').toBeGreaterThan(10);
    expect(between.filter((s) => s.ok), formatTimeline(between.slice(0, 5))).toEqual([]);
    expect(between.every((s) => s.result.includes('_rollback'))).toBe(true);
    const byActor = new Set(between.map((s) => s.actor));
    expect([...byActor].sort(), 'both healthy Enactors keep failing on the rollback ALIAS').toEqual(['enactor-az2', 'enactor-az3']);
    const az1 = night.trace.filter((s) => s.actor === 'enactor-az1' && s.time > (firstEmpty?.time ?? 0) && s.time < repairAt && s.ok && s.action.startsWith('apply'));
    expect(az1.filter((s) => !s.action.includes('gen 110')), 'az1 is still stuck on its old plan').toEqual([]);
  });

  it('recovers once the operators restore the records at 02:25', () => {
    const repair = night.trace.find((s) => s.actor === 'operator');
    expect(repair?.result).toMatch(/restored the regional endpoint/);
    const regional = night.final.endpoints.find((e) => e.name === REGIONAL_ENDPOINT);
    expect(regional?.answers.length ?? 0).toBeGreaterThan(0);
    expect(regional?.activeGeneration).toBe(night.final.newestGeneration);
  });
});

describe('happyPath', () => {
  it('breaks no invariant over a simulated day, and ends on the newest plan', () => {
    const day = run(happyPath);
    expect(day.violations, day.violations.map((v) => v.message).join('\n')).toEqual([]);
    expect(day.final.newestGeneration).toBeGreaterThan(1000);
  });
});
