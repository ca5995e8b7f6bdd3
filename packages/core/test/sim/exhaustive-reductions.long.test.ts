import { describe, it } from 'vitest';
import { progressNeverGoesBack, reducedFindsWhatPlainFinds, reductionCases } from './reductions.ts';

/**
 * The full-space half of exhaustive-reductions.test.ts: three Enactors, searched whole.
 * These searches are deterministic (no seed): they are here for their size alone.
 */
describe('symmetry reduction loses no bug, three Enactors on two endpoints', () => {
  // The plain search of this scope takes about 8 s quiet; the budget is for a busy laptop.
  it.each(reductionCases([{ enactors: 3, endpoints: 2, plans: 5 }]))('$program, $invariants invariants, $scope', { timeout: 300_000 }, reducedFindsWhatPlainFinds);
});

describe('the parallel search over three Enactors', () => {
  // Three Enactors' whole space on two workers: about 5 s quiet; the budget is for a busy laptop.
  it('reports progress that never goes back, ending at the states it found', { timeout: 600_000 }, async () => {
    await progressNeverGoesBack({ enactors: 3, endpoints: 1, plans: 5 }, 512);
  });
});
