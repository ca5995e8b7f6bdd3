import { describe, expect, it } from 'vitest';
import { DNS_INVARIANTS, regionalEndpointResolves } from '../../src/judge.ts';
import { createDnsModel, exploreExhaustively, runModel, smallScopeConfig } from '../../src/index.ts';
import { StateVector } from '../../src/sim/index.ts';
import { exploreInParallel } from '../../src/sim/parallel.ts';
import { mergingGrid, mergingGridRecipe } from './merging-grid.ts';
import type { DnsScope } from '../../src/scenarios/dns-search.ts';
import { progressNeverGoesBack, recipe, reducedFindsWhatPlainFinds, reductionCases, type ReductionScope } from './reductions.ts';

/**
 * The reductions must lose no bug. Wherever the plain search (no symmetry) finds a
 * violation, the symmetry-reduced search and the parallel search must find the same
 * invariant broken by a schedule of the same length (both are breadth-first: that
 * length is the shortest there is).
 */

/** The three Enactors on two endpoints take seconds each: test:long runs them (exhaustive-reductions.long.test.ts). */
const SCOPES: readonly ReductionScope[] = [
  { enactors: 2, endpoints: 1, plans: 5 },
  { enactors: 2, endpoints: 1, plans: 4, cleanupThreshold: 1 },
  { enactors: 2, endpoints: 2, plans: 5 },
  { enactors: 3, endpoints: 1, plans: 5 },
];

describe('symmetry reduction loses no bug', () => {
  // The three-Enactor cases take about 2.5 s quiet: a budget for a busy laptop.
  it.each(reductionCases(SCOPES))('$program, $invariants invariants, $scope', { timeout: 120_000 }, reducedFindsWhatPlainFinds);

  // Two full searches of three Enactors: about 3 s quiet.
  it('counts each orbit once: three interchangeable Enactors give close to 3! fewer states', { timeout: 120_000 }, () => {
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
  // Each starts two worker threads and searches twice: 1-3 s quiet, so a budget for a busy laptop.
  it.each([
    { scope: { enactors: 2, endpoints: 1, plans: 5 } as DnsScope, invariants: 'regional' as const, stopAtFirst: true },
    { scope: { enactors: 2, endpoints: 2, plans: 5 } as DnsScope, invariants: 'all' as const, stopAtFirst: true },
    { scope: { enactors: 2, endpoints: 1, plans: 5 } as DnsScope, invariants: 'all' as const, stopAtFirst: false },
  ])('$scope, $invariants invariants, stop at first: $stopAtFirst', { timeout: 120_000 }, async ({ scope, invariants, stopAtFirst }) => {
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

  // A level's states are cut into one run per worker, so a state's parents are mostly
  // found by one worker; here every state of a level is a parent of the merged state.
  it('keeps, for a state both workers reach, the parent that sorts first, whichever worker added it', { timeout: 120_000 }, async () => {
    for (const size of [3, 4, 5, 6, 7, 8]) {
      const { model, invariants } = mergingGrid(size);
      const sequential = exploreExhaustively(model, { invariants, shrink: false });
      const parallel = await exploreInParallel(mergingGridRecipe(size), { workers: 2, shrink: false });
      expect(sequential.counterexampleLength).toBe(size + 1);
      expect(parallel.counterexample?.replay, `grid ${size}: not the same shortest counterexample`).toBe(sequential.counterexample?.replay);
    }
  });

  // The whole space of two Enactors on two worker threads: about 2 s quiet. test:long does
  // the same for three Enactors, whose levels are wide enough to interleave the workers' reports.
  it('reports progress that never goes back, ending at the states it found', { timeout: 120_000 }, async () => {
    await progressNeverGoesBack({ enactors: 2, endpoints: 1, plans: 5 }, 64);
  });
});
