import { describe, expect, it } from 'vitest';
import { createDnsModel, october2025Exploration, runModel, traceHash } from '../src/index.ts';
import { DNS_INVARIANTS } from '../src/judge.ts';

/**
 * The soak half of determinism.test.ts: 1,000 seeds a run, starting from the run's seed,
 * so each `npm run test:long` covers seeds the last one did not (the unit suite keeps
 * seeds 1-100). A mismatch names the seed, which replays alone.
 */
const FIRST = Number(process.env['OUTAGE_LAB_LONG_SEED']);
const SEEDS = 1000;

describe(`determinism, seeds ${FIRST} to ${FIRST + SEEDS - 1}`, () => {
  // About 2 s on a quiet 2-core machine; the budget is for a busy one.
  it(`runs each of ${SEEDS} seeds twice and gets the same trace hash (random scheduler)`, { timeout: 60_000 }, () => {
    const model = createDnsModel(october2025Exploration.config, { name: 'october2025Exploration' });
    const mismatches: number[] = [];
    for (let seed = FIRST; seed < FIRST + SEEDS; seed++) {
      const a = runModel(model, { seed, scheduler: { kind: 'random' }, invariants: DNS_INVARIANTS, stopOnViolation: false });
      const b = runModel(model, { seed, scheduler: { kind: 'random' }, invariants: DNS_INVARIANTS, stopOnViolation: false });
      if (traceHash(a.trace) !== traceHash(b.trace)) mismatches.push(seed);
    }
    expect(mismatches, `seeds whose two runs differ: ${mismatches.slice(0, 10).join(', ')} (npm run test:long -- --seed ${mismatches[0] ?? FIRST} starts at the first)`).toEqual([]);
  });
});
