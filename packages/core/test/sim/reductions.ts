import { expect } from 'vitest';
import { DNS_INVARIANTS, regionalEndpointResolves } from '../../src/judge.ts';
import {
  DnsEnactor,
  activeGeneration,
  apiLatency,
  deleteSetsOlderThan,
  createDnsModel,
  exploreExhaustively,
  smallScopeConfig,
  type DnsWorld,
  type EnactorState,
  type Outcome,
  type StepContext,
} from '../../src/index.ts';
import { exploreInParallel } from '../../src/sim/parallel.ts';
import { dnsSearchRecipe, type DnsScope } from '../../src/scenarios/dns-search.ts';

/**
 * What the unit suite (exhaustive-reductions.test.ts) and test:long
 * (exhaustive-reductions.long.test.ts) both check, each on scopes of its own size.
 */

/** A wrong fix: clean-up judged from Route 53, but the stale write still lands, so a generation goes back. */
export class OnlyCleanupFixed extends DnsEnactor {
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

export type ReductionScope = DnsScope & { readonly cleanupThreshold?: number };

const PROGRAMS = { faithful: () => new DnsEnactor(), 'only clean-up fixed': () => new OnlyCleanupFixed() };
const INVARIANT_SETS = { regional: [regionalEndpointResolves], all: DNS_INVARIANTS };

export interface ReductionCase {
  readonly scope: ReductionScope;
  readonly program: keyof typeof PROGRAMS;
  readonly invariants: keyof typeof INVARIANT_SETS;
}

/**
 * Every pairing that breaks an invariant: the wrong fix keeps the regional endpoint
 * resolving, so with it only the whole set of invariants is checked.
 */
export function reductionCases(scopes: readonly ReductionScope[]): ReductionCase[] {
  return scopes.flatMap((scope) => [
    { scope, program: 'faithful' as const, invariants: 'regional' as const },
    { scope, program: 'faithful' as const, invariants: 'all' as const },
    { scope, program: 'only clean-up fixed' as const, invariants: 'all' as const },
  ]);
}

/** The symmetry-reduced search breaks the plain search's invariant, as early, from no more states. */
export function reducedFindsWhatPlainFinds({ scope, program, invariants }: ReductionCase): void {
  const model = createDnsModel(smallScopeConfig(scope), { name: 'reduction', enactor: PROGRAMS[program]() });
  const checked = INVARIANT_SETS[invariants];
  const plain = exploreExhaustively(model, { invariants: checked, symmetry: false, shrink: false });
  const reduced = exploreExhaustively(model, { invariants: checked, symmetry: true, shrink: false });
  expect(plain.counterexample, 'this case was chosen because it breaks an invariant').not.toBeNull();
  expect(reduced.counterexample?.violation.invariant).toBe(plain.counterexample?.violation.invariant);
  expect(reduced.counterexampleLength).toBe(plain.counterexampleLength);
  expect(reduced.states, 'symmetry must not add states').toBeLessThanOrEqual(plain.states);
}

/** How the parallel search's workers build the DNS model: by module and export, not by closure. */
export const recipe = (scope: DnsScope, invariants: 'all' | 'regional') => dnsSearchRecipe({ scope, name: 'parallel', invariants });

/** The parallel search's progress line over a whole space: it never goes back, and ends at the count it reports. */
export async function progressNeverGoesBack(scope: DnsScope, progressEvery: number): Promise<void> {
  const reported: number[] = [];
  const result = await exploreInParallel(recipe(scope, 'all'), { workers: 2, stopAtFirst: false, shrink: false, progressEvery, onProgress: (p) => void reported.push(p.states) });
  expect(reported.length).toBeGreaterThan(20);
  const backwards = reported.flatMap((n, i) => (i > 0 && n < (reported[i - 1] as number) ? [`${reported[i - 1]} → ${n}`] : []));
  expect(backwards, 'the states count went back').toEqual([]);
  expect(reported.at(-1)).toBe(result.states);
}
