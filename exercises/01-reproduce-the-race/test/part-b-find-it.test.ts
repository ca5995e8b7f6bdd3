import { describe, expect, it } from 'vitest';
import {
  createDnsModel,
  explore,
  formatClock,
  formatCounterexample,
  october2025Exploration,
  ordinaryNight,
  parseReplay,
  runModel,
  type DnsObservation,
  type Invariant,
} from '@outage-lab/core';
import { DNS_SAFETY_INVARIANTS } from '@outage-lab/core/judge';
import { activePlanExists, generationNeverRegresses, myInvariants, regionalEndpointResolves } from '../src/invariants.ts';
import { SCRIPTED_NIGHTS } from './nights.ts';
import { runNight } from './support.ts';

/** A budget for the steps that run a whole night or many schedules, so that a busy laptop is never a failure. */
const HEAVY = { timeout: 120_000 };

const ordinary = runNight(ordinaryNight().named('ordinary').runUntil('23:40').value);

/** Indices of the observations after which an invariant fires. */
function fired(invariant: Invariant<DnsObservation>, observations: readonly DnsObservation[]): number[] {
  const hits: number[] = [];
  observations.forEach((now, i) => {
    if (invariant.check(now, i === 0 ? null : (observations[i - 1] ?? null)) !== null) hits.push(i);
  });
  return hits;
}

function describeMoment(observations: readonly DnsObservation[], i: number): string {
  const now = observations[i];
  if (now === undefined) return `observation ${i}`;
  const views = now.endpoints.map((e) => `${e.name.split('.')[0] === 'dynamodb' ? e.name : e.name.split('.')[0]}: gen ${e.activeGeneration ?? 'none'}${e.activeSetExists ? '' : ' (set gone)'}, ${e.answers.length} answers`);
  return `after step ${i} (${formatClock(now.time)}): ${views.join('; ')}`;
}

/** The learner's invariant must be their own, fire exactly where the scripted nights say, and never on an ordinary night. */
function judge(mine: Invariant<DnsObservation>): void {
  const core = DNS_SAFETY_INVARIANTS.find((i) => i.name === mine.name);
  expect(
    core !== undefined && (mine === core || mine.check === core.check || String(mine.check) === String(core.check)),
    `${mine.name} is the core's own invariant, re-exported or copied: Part B asks you to write it. Say it from what can be observed in now and before.`,
  ).toBe(false);
  for (const night of SCRIPTED_NIGHTS) {
    const expected = night.fires[mine.name] ?? [];
    const got = fired(mine, night.observations);
    const missed = expected.filter((i) => !got.includes(i));
    const extra = got.filter((i) => !expected.includes(i));
    expect(
      [...missed.map((i) => `missed ${describeMoment(night.observations, i)}`), ...extra.map((i) => `fired ${describeMoment(night.observations, i)}`)],
      `${mine.name} (${mine.description}) on a scripted night, ${night.name}`,
    ).toEqual([]);
  }
  const onOrdinary = fired(mine, ordinary.observations);
  const first = onOrdinary[0];
  expect(
    first === undefined ? null : `${mine.name} fired after ${ordinary.trace[first - 1]?.actor}: ${ordinary.trace[first - 1]?.action} at ${formatClock(ordinary.observations[first]?.time ?? 0)}`,
    'an ordinary night, where nothing went wrong, must break no invariant',
  ).toBeNull();
}

describe('Lesson 01 · Part B: let the machine find it', () => {
  it('step 5: your regional-endpoint-resolves flags every empty answer of the regional endpoint, and nothing else', HEAVY, () => {
    judge(regionalEndpointResolves);
  });

  it('step 6: your generation-never-regresses flags every endpoint that goes back, and nothing else', HEAVY, () => {
    judge(generationNeverRegresses);
  });

  it('step 7: your active-plan-exists flags every root ALIAS whose set is gone, and nothing else', HEAVY, () => {
    judge(activePlanExists);
  });

  it('step 8: random exploration with your invariants finds a violating seed within 300 seeds, and it replays', HEAVY, () => {
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
