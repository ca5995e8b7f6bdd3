import { describe, expect, it } from 'vitest';
import { createDnsModel, happyPath, october2025Exploration, runModel, traceHash } from '../src/index.ts';
import { DNS_INVARIANTS, october2025 } from '../src/judge.ts';

// That model code reads no real time or Math.random is ESLint's to check (eslint.config.js,
// packages/checks): it reads code, not comments.

describe('determinism', () => {
  // Seeds 1-100 here; `npm run test:long` runs 1,000 more from its seed (determinism.long.test.ts).
  it('runs each of 100 seeds twice and gets the same trace hash (random scheduler)', () => {
    const model = createDnsModel(october2025Exploration.config, { name: 'october2025Exploration' });
    const mismatches: number[] = [];
    for (let seed = 1; seed <= 100; seed++) {
      const a = runModel(model, { seed, scheduler: { kind: 'random' }, invariants: DNS_INVARIANTS, stopOnViolation: false });
      const b = runModel(model, { seed, scheduler: { kind: 'random' }, invariants: DNS_INVARIANTS, stopOnViolation: false });
      if (traceHash(a.trace) !== traceHash(b.trace)) mismatches.push(seed);
    }
    expect(mismatches, `seeds whose two runs differ: ${mismatches.slice(0, 10).join(', ')}`).toEqual([]);
  });

  // Four whole nights: about 3 s quiet, so a budget for a busy laptop.
  it('replays the october2025 night byte for byte, and another seed differs', { timeout: 120_000 }, () => {
    const night = (seed: number) =>
      traceHash(runModel(createDnsModel(october2025.config), { seed, untilMs: october2025.untilMs, invariants: DNS_INVARIANTS, stopOnViolation: false }).trace);
    expect(night(october2025.seed)).toBe(night(october2025.seed));
    expect(night(october2025.seed)).not.toBe(night(october2025.seed + 1));
    const day = () => traceHash(runModel(createDnsModel(happyPath.config), { seed: happyPath.seed, untilMs: happyPath.untilMs }).trace);
    expect(day()).toBe(day());
  });
});

