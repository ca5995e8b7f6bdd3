import { exploreExhaustively, type ExhaustiveResult } from '@outage-lab/core';
import { DNS_INVARIANTS } from '@outage-lab/core/judge';
import { REAL_SCOPE, dnsSearch, dnsSearchRecipe, exploreInParallel, type DnsSearchArgs } from '@outage-lab/core/search';
import { round, timeMs, timeMsAsync } from '@outage-lab/core/bench/stats.ts';
import { fixedEnactorModule } from '../src/solution-modules.ts';

export const WORKERS = 2;

/**
 * The complete check of lesson 02's fixed Enactor at the night's real size (3 Enactors,
 * the regional endpoint and its IPv6 twin, 6 plans), every DNS invariant, symmetry on:
 * once in this thread (states per second, bytes per state) and once over two worker
 * threads, in the same run, for the speed-up. One run each: a run takes tens of seconds.
 * Then the faithful Enactor at the same size: the race must be found. It lives in course
 * because it needs lesson 02's solution, which only course may import.
 */
export async function benchRealScope(): Promise<Record<string, number>> {
  const args: DnsSearchArgs = { scope: REAL_SCOPE, name: 'realScope', invariants: 'all', enactorModule: fixedEnactorModule() };
  const { model, invariants } = await dnsSearch(args);
  let sequential: ExhaustiveResult | null = null;
  const cpu = process.cpuUsage();
  const sequentialMs = timeMs(() => {
    sequential = exploreExhaustively(model, { invariants, stopAtFirst: false });
  });
  const used = process.cpuUsage(cpu);
  // On a shared machine the wall clock includes waiting for a core; CPU time does not.
  const cpuMs = (used.user + used.system) / 1000;
  const checked = sequential as ExhaustiveResult | null;
  if (checked === null || !checked.complete) throw new Error(`the real-size check of the fixed Enactor did not complete (${checked?.states ?? 0} states)`);
  if (checked.violations > 0) throw new Error(`lesson 02's solution breaks an invariant at real size: ${checked.counterexample?.replay ?? ''}`);
  let parallel: ExhaustiveResult | null = null;
  const parallelMs = await timeMsAsync(async () => {
    parallel = await exploreInParallel(dnsSearchRecipe(args), { workers: WORKERS, stopAtFirst: false });
  });
  const spread = parallel as ExhaustiveResult | null;
  if (spread === null || spread.states !== checked.states) throw new Error(`the parallel search counted ${spread?.states ?? 0} states, the sequential ${checked.states}`);

  const faithful = await dnsSearch({ scope: REAL_SCOPE, name: 'realScope', invariants: 'all' });
  let race: ExhaustiveResult | null = null;
  const raceMs = timeMs(() => {
    race = exploreExhaustively(faithful.model, { invariants: DNS_INVARIANTS, shrink: false });
  });
  const found = race as ExhaustiveResult | null;
  if (found?.counterexample == null) throw new Error('the faithful Enactor shows no violation at real size');
  return {
    'explore.realScope.states': checked.states,
    'explore.realScope.transitions': checked.transitions,
    'explore.realScope.ms': round(parallelMs),
    'explore.realScope.msSequential': round(sequentialMs),
    'explore.realScope.msParallel': round(parallelMs),
    'explore.realScope.statesPerSec': round(checked.states / (sequentialMs / 1000)),
    'explore.realScope.statesPerCpuSec': round(checked.states / (cpuMs / 1000)),
    'explore.realScope.bytesPerState': round(checked.bytes / checked.states),
    'explore.realScope.parallelSpeedup': round(sequentialMs / parallelMs),
    'explore.realScope.faithfulCounterexampleSteps': found.counterexampleLength ?? 0,
    'explore.realScope.faithfulMsToCounterexample': round(raceMs),
  };
}

/** States without symmetry reduction ÷ states with it, on 3 Enactors × 1 endpoint × 5 plans (lesson 02's solution, complete). */
export async function benchSymmetry(): Promise<Record<string, number>> {
  const { model, invariants } = await dnsSearch({ scope: { enactors: 3, endpoints: 1, plans: 5 }, name: 'symmetry', invariants: 'all', enactorModule: fixedEnactorModule() });
  const plain = exploreExhaustively(model, { invariants, stopAtFirst: false, symmetry: false });
  const reduced = exploreExhaustively(model, { invariants, stopAtFirst: false, symmetry: true });
  if (!plain.complete || !reduced.complete) throw new Error('the symmetry bench did not complete');
  return {
    'explore.symmetry.statesWithout': plain.states,
    'explore.symmetry.statesWith': reduced.states,
    'explore.symmetry.reduction': round(plain.states / reduced.states),
  };
}
