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

  it('has no fault timed to the second: one degraded Enactor from a whole minute, with probabilistic lock failures', () => {
    const faults = october2025.config.faults;
    expect(faults.map((f) => f.point).sort()).toEqual(['enactor.api-latency', 'enactor.lock']);
    for (const f of faults) {
      if (f.point === 'planner.empty-plan') continue;
      expect(f.from % 60_000, `a fault starts at ${formatClock(f.from)}`).toBe(0);
      expect(f.until % 60_000, `a fault ends at ${formatClock(f.until)}`).toBe(0);
      if (f.point === 'enactor.lock') {
        expect(f.endpoints, 'no fault picks the endpoints that go empty').toBeUndefined();
        expect(f.chance ?? 1, 'lock failures are a chance, not a wall').toBeLessThan(1);
      }
    }
  });

  it('empties dynamodb.us-east-1.amazonaws.com within a few minutes of 23:48', () => {
    expect(firstEmpty, `the race never happened for seed ${october2025.seed} (replay: ${october2025.name}@timed#${october2025.seed})`).toBeDefined();
    const at = firstEmpty?.time ?? 0;
    expect(at, `the endpoint went empty at ${formatClock(at)}`).toBeGreaterThan(pdt('23:45'));
    expect(at, `the endpoint went empty at ${formatClock(at)}`).toBeLessThan(pdt('23:52'));
  });

  it('gets there for the real reason: a slow walk with retries, a stale write after a one-time check, then clean-up', () => {
    const cleanup = night.trace.find((s) => s.action.startsWith('clean up') && s.result.includes('deleted the active set of'));
    expect(cleanup, story()).toBeDefined();
    const stale = night.trace.findLast(
      (s) => s.index < (cleanup?.index ?? 0) && s.actor === 'enactor-az1' && s.action.endsWith(` ${REGIONAL_ENDPOINT}`) && s.result.includes('overwrote newer gen'),
    );
    expect(stale, story()).toBeDefined();
    const check = night.trace.findLast((s) => s.actor === 'enactor-az1' && s.action.startsWith('check freshness') && s.index < (stale?.index ?? 0));
    const pass = night.trace.filter((s) => s.actor === 'enactor-az1' && s.index > (check?.index ?? 0) && s.index < (stale?.index ?? 0));
    const written = pass.filter((s) => s.ok && s.action.startsWith('apply')).length;
    const retried = pass.filter((s) => !s.ok && s.action.startsWith('take lock')).length;
    expect(written, 'az1 made progress through other endpoints before the regional one').toBeGreaterThanOrEqual(3);
    expect(retried, 'az1 lost lock acquisitions and retried').toBeGreaterThan(5);
  });

  it('empties the IPv6 twin too, and no other endpoint: the blast radius is where az1 was when clean-up ran', () => {
    const empty = night.trace.find((s) => s.result.includes(`deleted the active set of ${REGIONAL_ENDPOINT} and ${IPV6_ENDPOINT}`));
    expect(empty, story()).toBeDefined();
    const deletions = night.trace.filter((s) => s.result.includes('deleted the active set of')).map((s) => s.result.slice(s.result.indexOf('⚠')));
    expect(deletions, 'one clean-up deleted live sets, and only those of the regional pair').toEqual([`⚠ deleted the active set of ${REGIONAL_ENDPOINT} and ${IPV6_ENDPOINT}`]);
  });

  it('wedges: no Enactor applies a newer plan to the regional endpoint until the operators repair it', () => {
    const repairAt = pdt('02:25', 20);
    const between = night.trace.filter((s) => s.time > (firstEmpty?.time ?? 0) && s.time < repairAt && s.action.startsWith('apply') && s.action.endsWith(` ${REGIONAL_ENDPOINT}`));
    expect(between.length, 'Enactors should keep trying newer plans').toBeGreaterThan(10);
    expect(between.filter((s) => s.ok), formatTimeline(between.slice(0, 5))).toEqual([]);
    expect(between.every((s) => s.result.includes('_rollback'))).toBe(true);
  });

  it('recovers once the operators restore the records at 02:25, and then switch the automation off', () => {
    const ops = night.trace.filter((s) => s.actor === 'operator');
    expect(ops.map((s) => s.result)).toEqual([expect.stringMatching(/restored the regional endpoint/), expect.stringMatching(/automation switched off/)]);
    const regional = night.final.endpoints.find((e) => e.name === REGIONAL_ENDPOINT);
    expect(regional?.answers.length ?? 0).toBeGreaterThan(0);
    expect(regional?.activeGeneration ?? 0, 'restored to the newest plan the operators found').toBeGreaterThanOrEqual(night.final.newestGeneration - 1);
    const after = night.trace.filter((s) => s.time > pdt('02:25', 20) && s.actor !== 'operator');
    expect(after, 'no Planner or Enactor step after the automation is switched off').toEqual([]);
  });
});

describe('happyPath', () => {
  it('breaks no invariant over a simulated day, and ends on the newest plan', () => {
    const day = run(happyPath);
    expect(day.violations, day.violations.map((v) => v.message).join('\n')).toEqual([]);
    expect(day.final.newestGeneration).toBeGreaterThan(1000);
  });
});
