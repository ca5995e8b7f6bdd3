import { performance } from 'node:perf_hooks';
import { HOUR } from '../src/sim/clock.ts';
import { runNlbScenario } from '../src/nlb/run.ts';
import { october2025Nlb } from '../src/scenarios/nlb.ts';

const RUNS = 5;

/**
 * Simulated hours per wall-clock second for the 9-hour October scenario with 3 AZs ×
 * 1,000 targets (NLB's default 30 s checks: about 3.3 million health checks a run).
 * One warm-up run, then the best of five, so a busy machine skews the figure less.
 */
export async function benchNlb(): Promise<Record<string, number>> {
  const simHours = (october2025Nlb.endMs - october2025Nlb.startMs) / HOUR;
  runNlbScenario(october2025Nlb, { seed: 0 });
  let best = Infinity;
  for (let seed = 1; seed <= RUNS; seed++) {
    const started = performance.now();
    runNlbScenario(october2025Nlb, { seed });
    best = Math.min(best, performance.now() - started);
  }
  return { 'nlb.simHoursPerSec': Math.round((simHours / (best / 1000)) * 10) / 10 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await benchNlb());
}
