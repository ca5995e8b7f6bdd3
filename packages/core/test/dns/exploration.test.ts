import { describe, expect, it } from 'vitest';
import {
  createDnsModel,
  explore,
  exploreExhaustively,
  formatCounterexample,
  october2025Exploration,
  parseReplay,
  runModel,
  smallScope,
  smallScopeConfig,
} from '../../src/index.ts';
import { DNS_INVARIANTS, regionalEndpointResolves } from '../../src/judge.ts';

const small = () => createDnsModel(smallScope.config, { name: 'smallScope' });

describe('exhaustive exploration of the SPIN-sized configuration (2 Enactors, 5 plans, threshold 2)', () => {
  const result = exploreExhaustively(small(), { invariants: [regionalEndpointResolves] });
  const cx = result.counterexample;

  it('finds the race: the regional endpoint answers nothing', () => {
    expect(cx, `explored ${result.states} states without finding the race`).not.toBeNull();
    expect(cx?.violation.invariant).toBe('regional-endpoint-resolves');
  });

  it('prints a shrunk counterexample whose replay string reproduces it', () => {
    expect(cx?.shrunkReplay).toBeTruthy();
    const spec = parseReplay(cx?.shrunkReplay ?? '');
    const again = runModel(small(), { seed: spec.seed, scheduler: spec.scheduler, invariants: [regionalEndpointResolves] });
    expect(again.violations.map((v) => v.invariant), formatCounterexample(cx ?? ({} as never))).toEqual(['regional-endpoint-resolves']);
    expect(cx?.shrunkSteps ?? Infinity).toBeLessThanOrEqual(cx?.steps ?? 0);
    expect(formatCounterexample(cx ?? ({} as never))).toMatch(/overwrote newer gen[\s\S]*deleted the active set/);
  });

  it('explores the whole state space of the faithful Enactor and counts it', () => {
    const full = exploreExhaustively(small(), { invariants: DNS_INVARIANTS, stopAtFirst: false });
    expect(full.complete).toBe(true);
    expect(full.states).toBeGreaterThan(1000);
    expect(full.violations).toBeGreaterThan(0);
  });

  it.each([
    { enactors: 3, endpoints: 1, plans: 5 },
    { enactors: 2, endpoints: 2, plans: 6 },
  ] as const)('finds it with %o too', (scope) => {
    const wide = exploreExhaustively(createDnsModel(smallScopeConfig(scope), { name: 'wideScope' }), { invariants: [regionalEndpointResolves] });
    expect(wide.counterexample?.violation.invariant).toBe('regional-endpoint-resolves');
  });
});

describe('random and PCT exploration of the october2025 topology', () => {
  const model = createDnsModel(october2025Exploration.config, { name: 'october2025Exploration' });

  it('random scheduling finds a seed that empties the regional endpoint, and the seed replays', () => {
    const found = explore(model, { invariants: [regionalEndpointResolves], strategy: 'random', runs: 2000 });
    expect(found.counterexample, `no violation in ${found.runs} seeds`).not.toBeNull();
    const replay = parseReplay(found.counterexample?.replay ?? '');
    const again = runModel(model, { seed: replay.seed, scheduler: replay.scheduler, invariants: [regionalEndpointResolves] });
    expect(again.violations[0]?.invariant).toBe('regional-endpoint-resolves');
  });

  it('PCT scheduling finds a stale overwrite', () => {
    const found = explore(model, { invariants: DNS_INVARIANTS, strategy: 'pct', depth: 3, runs: 500 });
    expect(found.counterexample?.violation.invariant).toBe('generation-never-regresses');
  });
});
