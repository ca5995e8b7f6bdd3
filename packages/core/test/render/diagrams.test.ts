import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config-error.ts';
import { raceOddsGrid } from '../../src/diagrams/race-odds.ts';
import { diagramNames, simDiagram } from '../../src/diagrams/registry.ts';
import { forgetMemos } from '../../src/sim/memo.ts';
import { count, textOf, xmlProblems } from './well-formed.ts';

describe('simDiagram', () => {
  it('refuses an unknown name with one line listing the diagrams there are', () => {
    expect(() => simDiagram('october2052', { seed: 1 })).toThrow(ConfigError);
    expect(() => simDiagram('october2052', { seed: 1 })).toThrow(`sim: no diagram named "october2052" (valid: ${diagramNames().join(', ')})`);
  });

  it('refuses a seed that is not a whole number', () => {
    expect(() => simDiagram('october2025', { seed: 1.5 })).toThrow('seed: 1.5 is not a whole number');
  });

  // The Region's diagrams run a whole night per drawing (seconds on a busy 2-core machine):
  // a guard against a hang, not a timing assertion.
  it.each(diagramNames().filter((name) => name !== 'race-odds'))('draws %s the same way for the same seed, and differently for another', { timeout: 120_000 }, (name) => {
    const first = simDiagram(name, { seed: 7 });
    const other = simDiagram(name, { seed: 8 });
    // The runs behind the first drawing are forgotten, so the second is computed anew
    // rather than drawn from the nights the first left in memory.
    forgetMemos();
    const again = simDiagram(name, { seed: 7 });
    expect(xmlProblems(first)).toEqual([]);
    expect(again, `${name} with seed 7 drew something else the second time`).toBe(first);
    expect(other, `${name} ignored its seed`).not.toBe(first);
  });

  // 360 seeded nights for the first drawing, nine more for the second (the rest come from
  // memory): seconds on a busy 2-core machine. A guard against a hang, not a timing assertion.
  it('draws race-odds from its seed, from nights that come out the same when run again', { timeout: 120_000 }, () => {
    const first = simDiagram('race-odds', { seed: 7 });
    const other = simDiagram('race-odds', { seed: 8 });
    expect(xmlProblems(first)).toEqual([]);
    expect(other, 'race-odds ignored its seed').not.toBe(first);
    // Determinism below the memo, on a few nights a point: the first grid holds the nights
    // the drawing ran, the second runs them anew. A whole second drawing would cost 360 nights.
    const drawn = raceOddsGrid(7, 3);
    forgetMemos();
    expect(raceOddsGrid(7, 3), 'the same seeds gave other nights').toEqual(drawn);
  });
});

describe('the october2025 race diagram', () => {
  const svg = simDiagram('october2025', { seed: 20251351 });
  const text = textOf(svg);

  it('has a lane for the Planner, each Enactor and Route 53', () => {
    for (const lane of ['DnsPlanner', 'Enactor az1', 'Enactor az2', 'Enactor az3', 'Route53']) expect(text).toContain(`${lane}\n`);
  });

  it('marks the stale freshness check, the overwrite and the deletion of the active set', () => {
    expect(text).toMatch(/enactor-az1 checks freshness once, here/);
    expect(text).toMatch(/overwrites the newer gen \d+ with gen \d+/);
    expect(text).toMatch(/deletes the set of gen \d+, now active: no answers/);
    expect(count(svg, 'fill-opacity="0.1"'), 'check, overwrite, deletion, wedge and repair are shaded').toBe(5);
  });

  it('shows that the delayed Enactor failed to take the lock many times before it wrote', () => {
    expect(text).toMatch(/… \d{2,} more failed lock attempts, backing off/);
  });
});

describe('the october2025-answers chart', () => {
  const svg = simDiagram('october2025-answers', { seed: 20251351 });

  it('drops to no answers when the active set is deleted, and recovers when the operators repair it', () => {
    const text = textOf(svg);
    expect(text).toMatch(/23:[45]\d no answers \(enactor-az\d\)/);
    expect(text).toContain('02:25 answers again (operator)');
  });
});
