import { describe, expect, it } from 'vitest';
import { DNS_INVARIANTS, regionalEndpointResolves } from '../../src/judge.ts';
import {
  DnsEnactor,
  activeGeneration,
  apiLatency,
  deleteSetsOlderThan,
  createDnsModel,
  exploreExhaustively,
  runModel,
  smallScopeConfig,
  type DnsWorld,
  type EnactorState,
  type Outcome,
  type StepContext,
} from '../../src/index.ts';
import { StateVector } from '../../src/sim/index.ts';
import { exploreInParallel } from '../../src/sim/parallel.ts';
import type { DnsScope } from '../../src/scenarios/dns-search.ts';

/**
 * The reductions must lose no bug. Wherever the plain search (no symmetry) finds a
 * violation, the symmetry-reduced search and the parallel search must find the same
 * invariant broken by a schedule of the same length (both are breadth-first: that
 * length is the shortest there is).
 */

/** A wrong fix: clean-up judged from Route 53, but the stale write still lands, so a generation goes back. */
class OnlyCleanupFixed extends DnsEnactor {
  protected override cleanUp(me: EnactorState, world: DnsWorld, ctx: StepContext): Outcome {
    const generation = me.plan?.generation ?? me.lastApplied;
    const live = world.config.endpoints.map((e) => activeGeneration(world, e.name) ?? generation);
    const cutoff = Math.min(generation - world.config.cleanupThreshold, ...live);
    for (const g of world.plans.generations()) if (g < cutoff) world.plans.delete(g);
    const { changes } = deleteSetsOlderThan(world, cutoff);
    if (changes.length > 0) world.route53.changeResourceRecordSets(changes);
    Object.assign(me, { phase: 'idle', plan: null, lastApplied: generation, attempts: 0 });
    return { result: 'cleaned up', ok: true, delayMs: apiLatency(world, me, ctx) };
  }
}

const SCOPES: readonly (DnsScope & { cleanupThreshold?: number })[] = [
  { enactors: 2, endpoints: 1, plans: 5 },
  { enactors: 2, endpoints: 1, plans: 4, cleanupThreshold: 1 },
  { enactors: 2, endpoints: 2, plans: 5 },
  { enactors: 3, endpoints: 1, plans: 5 },
  { enactors: 3, endpoints: 2, plans: 5 },
];

const PROGRAMS = { faithful: () => new DnsEnactor(), 'only clean-up fixed': () => new OnlyCleanupFixed() };
const INVARIANT_SETS = { regional: [regionalEndpointResolves], all: DNS_INVARIANTS };

describe('symmetry reduction loses no bug', () => {
  // Every pairing that breaks an invariant: the wrong fix keeps the regional endpoint
  // resolving, so with it only the whole set of invariants is checked.
  const cases = SCOPES.flatMap((scope) => [
    { scope, program: 'faithful', invariants: 'regional' },
    { scope, program: 'faithful', invariants: 'all' },
    { scope, program: 'only clean-up fixed', invariants: 'all' },
  ]);
  it.each(cases)('$program, $invariants invariants, $scope', { timeout: 300_000 }, ({ scope, program, invariants }) => {
    const model = createDnsModel(smallScopeConfig(scope), { name: 'reduction', enactor: PROGRAMS[program as keyof typeof PROGRAMS]() });
    const checked = INVARIANT_SETS[invariants as keyof typeof INVARIANT_SETS];
    const plain = exploreExhaustively(model, { invariants: checked, symmetry: false, shrink: false });
    const reduced = exploreExhaustively(model, { invariants: checked, symmetry: true, shrink: false });
    expect(plain.counterexample, 'this case was chosen because it breaks an invariant').not.toBeNull();
    expect(reduced.counterexample?.violation.invariant).toBe(plain.counterexample?.violation.invariant);
    expect(reduced.counterexampleLength).toBe(plain.counterexampleLength);
    expect(reduced.states, 'symmetry must not add states').toBeLessThanOrEqual(plain.states);
  });

  it('counts each orbit once: three interchangeable Enactors give close to 3! fewer states', { timeout: 300_000 }, () => {
    const model = createDnsModel(smallScopeConfig({ enactors: 3, plans: 3 }), { name: 'reduction' });
    const plain = exploreExhaustively(model, { invariants: DNS_INVARIANTS, symmetry: false, stopAtFirst: false });
    const reduced = exploreExhaustively(model, { invariants: DNS_INVARIANTS, symmetry: true, stopAtFirst: false });
    expect(plain.complete && reduced.complete).toBe(true);
    expect(reduced.states * 4).toBeLessThan(plain.states);
    expect(reduced.states * 6).toBeGreaterThanOrEqual(plain.states);
    expect(reduced.depth).toBe(plain.depth);
  });

  it('keeps an Enactor named by a fault out of the permutations', () => {
    const config = smallScopeConfig({ enactors: 3 });
    const faulted = createDnsModel({ ...config, faults: [{ point: 'enactor.lock', enactor: 'az1', from: 0, until: 1 }] });
    expect(createDnsModel(config).codec?.permutations).toHaveLength(6);
    expect(faulted.codec?.permutations).toHaveLength(2);
    expect(faulted.codec?.permutations.every((p) => p[1] === 1)).toBe(true);
  });
});

describe('the state vector', () => {
  it('decodes to a world that encodes to the same vector, all along random schedules', () => {
    const model = createDnsModel(smallScopeConfig({ enactors: 3, endpoints: 2, plans: 6 }), { name: 'codec' });
    const codec = model.codec;
    if (codec === undefined) throw new Error('the DNS model has no codec');
    for (let seed = 1; seed <= 10; seed++) {
      for (let steps = 0; steps <= 40; steps += 5) {
        const world = runModel(model, { seed, scheduler: { kind: 'random' }, maxSteps: steps }).world;
        const first = new StateVector();
        codec.encode(world, first, false);
        const again = new StateVector();
        codec.encode(codec.decode(first.view()), again, false);
        expect([...again.view()]).toEqual([...first.view()]);
        const canonical = new StateVector();
        codec.encode(world, canonical, true);
        const back = new StateVector();
        codec.encode(codec.decode(canonical.view()), back, true);
        expect([...back.view()], 'a canonical vector must be its own canonical form').toEqual([...canonical.view()]);
      }
    }
  });
});

describe('the parallel search finds what the sequential one finds', () => {
  const recipe = (scope: DnsScope, invariants: 'all' | 'regional') => ({
    module: new URL('../../src/scenarios/dns-search.ts', import.meta.url).href,
    export: 'dnsSearch',
    args: { scope, name: 'parallel', invariants },
  });

  it.each([
    { scope: { enactors: 2, endpoints: 1, plans: 5 } as DnsScope, invariants: 'regional' as const, stopAtFirst: true },
    { scope: { enactors: 2, endpoints: 2, plans: 5 } as DnsScope, invariants: 'all' as const, stopAtFirst: true },
    { scope: { enactors: 2, endpoints: 1, plans: 5 } as DnsScope, invariants: 'all' as const, stopAtFirst: false },
  ])('$scope, $invariants invariants, stop at first: $stopAtFirst', { timeout: 240_000 }, async ({ scope, invariants, stopAtFirst }) => {
    const model = createDnsModel(smallScopeConfig(scope), { name: 'parallel' });
    const checked = invariants === 'all' ? DNS_INVARIANTS : [regionalEndpointResolves];
    const sequential = exploreExhaustively(model, { invariants: checked, stopAtFirst, shrink: false });
    const parallel = await exploreInParallel(recipe(scope, invariants), { workers: 2, stopAtFirst, shrink: false });
    expect(parallel.states).toBe(sequential.states);
    expect(parallel.transitions).toBe(sequential.transitions);
    expect(parallel.depth).toBe(sequential.depth);
    expect(parallel.violations).toBe(sequential.violations);
    expect(parallel.counterexample?.violation.invariant).toBe(sequential.counterexample?.violation.invariant);
    expect(parallel.counterexample?.replay, 'not the same shortest counterexample').toBe(sequential.counterexample?.replay);
  });

  it('reports progress that never goes back, ending at the states it found', { timeout: 240_000 }, async () => {
    const reported: number[] = [];
    const scope: DnsScope = { enactors: 3, endpoints: 1, plans: 5 };
    const result = await exploreInParallel(recipe(scope, 'all'), { workers: 2, stopAtFirst: false, shrink: false, progressEvery: 512, onProgress: (p) => void reported.push(p.states) });
    expect(reported.length).toBeGreaterThan(20);
    const backwards = reported.flatMap((n, i) => (i > 0 && n < (reported[i - 1] as number) ? [`${reported[i - 1]} → ${n}`] : []));
    expect(backwards, 'the states count went back').toEqual([]);
    expect(reported.at(-1)).toBe(result.states);
  });
});
