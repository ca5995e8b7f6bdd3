import { describe, expect, it } from 'vitest';
import {
  DNS_SAFETY_INVARIANTS,
  createDnsModel,
  explore,
  formatCounterexample,
  october2025,
  october2025Exploration,
  ordinaryNight,
  parseReplay,
  runModel,
  type DnsObservation,
  type Invariant,
} from '@outage-lab/core';
import { activePlanExists, generationNeverRegresses, myInvariants, regionalEndpointResolves } from '../src/invariants.ts';
import { runNight, type Night } from './support.ts';

const canonicalRace = runNight({ ...october2025, untilMs: october2025.config.startMs + 55 * 60_000 });
const ordinary = runNight(ordinaryNight().named('ordinary').runUntil('23:40').value);
const reference = (name: string): Invariant<DnsObservation> => DNS_SAFETY_INVARIANTS.find((i) => i.name === name) as Invariant<DnsObservation>;

/** Indices of the steps after which an invariant is broken. */
function flagged(invariant: Invariant<DnsObservation>, night: Night): number[] {
  const hits: number[] = [];
  night.observations.forEach((now, i) => {
    if (invariant.check(now, i === 0 ? null : (night.observations[i - 1] ?? null)) !== null) hits.push(i);
  });
  return hits;
}

function agreesWithReference(mine: Invariant<DnsObservation>): void {
  const truth = reference(mine.name);
  const expected = flagged(truth, canonicalRace);
  const got = flagged(mine, canonicalRace);
  const first = expected[0] ?? 0;
  const step = canonicalRace.trace[first - 1];
  expect(got[0], `${mine.name} should first fire after "${step?.actor}: ${step?.action} → ${step?.result}" on the october2025 night (observation ${first}); yours fired at ${got[0] ?? 'no step at all'}`).toBe(first);
  expect(got.length, `${mine.name} fired ${got.length} times on the october2025 night; it is broken ${expected.length} times`).toBe(expected.length);
  expect(flagged(mine, ordinary), `${mine.name} fired on an ordinary night where nothing went wrong`).toEqual([]);
}

describe('Lesson 01 · Part B: let the machine find it', () => {
  it('step 5: your regional-endpoint-resolves flags the empty answer, and nothing on an ordinary night', () => {
    agreesWithReference(regionalEndpointResolves);
  });

  it('step 6: your generation-never-regresses flags the stale overwrite, and nothing on an ordinary night', () => {
    agreesWithReference(generationNeverRegresses);
  });

  it('step 7: your active-plan-exists flags the deleted set, and nothing on an ordinary night', () => {
    agreesWithReference(activePlanExists);
  });

  it('step 8: random exploration with your invariants finds a violating seed within 300 seeds, and it replays', () => {
    const model = createDnsModel(october2025Exploration.config, { name: 'october2025Exploration' });
    const found = explore(model, { invariants: myInvariants, strategy: 'random', runs: 300 });
    expect(found.counterexample, `300 random schedules broke none of your invariants: they never return a sentence`).not.toBeNull();
    const cx = found.counterexample;
    if (cx === null) return;
    const replay = parseReplay(cx.replay);
    const again = runModel(model, { seed: replay.seed, scheduler: replay.scheduler, invariants: myInvariants });
    expect(again.violations[0]?.invariant, `the replay string did not reproduce the failure:\n${formatCounterexample(cx)}`).toBe(cx.violation.invariant);
  });
});
