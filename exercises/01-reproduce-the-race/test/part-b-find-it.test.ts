import { assert, describe, it } from 'vitest';
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
  type EndpointView,
  type Invariant,
} from '@outage-lab/core';
import { DNS_SAFETY_INVARIANTS } from '@outage-lab/core/judge';
import { activePlanExists, generationNeverRegresses, myInvariants, regionalEndpointResolves } from '../src/invariants.ts';
import { SCRIPTED_NIGHTS, type ScriptedNight } from './nights.ts';
import { runNight } from './support.ts';

/** A budget for the steps that run a whole night or many schedules, so that a busy laptop is never a failure. */
const HEAVY = { timeout: 120_000 };

const ordinary = runNight(ordinaryNight().named('ordinary').runUntil('23:40').value);

/** An endpoint's state as the tests describe it: which plan its root ALIAS points at, and what a resolver gets. */
function state(e: EndpointView | undefined): string {
  if (e === undefined) return 'not yet in the zone';
  const answers = e.answers.length === 0 ? 'no addresses' : `${e.answers.length} addresses`;
  if (e.activeGeneration === null) return `no root ALIAS (${answers})`;
  return `gen ${e.activeGeneration} (${e.activeSetExists ? '' : 'its set deleted, '}${answers})`;
}

/** When observation `i` of a night was taken: after which step, at what time. */
function when(observations: readonly DnsObservation[], i: number): string {
  const now = observations[i];
  return `after step ${i}${now === undefined ? '' : ` (${formatClock(now.time)})`}`;
}

/** What happened to the endpoints that broke, after step `i` of a night. */
function whatBroke(observations: readonly DnsObservation[], i: number, names: readonly string[]): string {
  const now = observations[i];
  const before = observations[i - 1];
  const views = names.map((name) => {
    const is = state(now?.endpoints.find((e) => e.name === name));
    return before === undefined ? `${name} was on ${is}` : `${name} went from ${state(before.endpoints.find((e) => e.name === name))} to ${is}`;
  });
  return views.join(' and ');
}

/** Whether a sentence names one of the endpoints (a whole name: streams.dynamodb… does not name dynamodb…). */
function names(sentence: string, endpoints: readonly string[]): boolean {
  return endpoints.some((name) => new RegExp(`(^|[^\\w.-])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w-])`).test(sentence));
}

/**
 * Where the learner's invariant goes wrong on one scripted night, each a sentence that
 * says when: every step where it stays silent though an endpoint broke (named), speaks
 * though nothing broke (quoted), or speaks without naming the endpoint.
 */
function mistakes(mine: Invariant<DnsObservation>, night: ScriptedNight): string[] {
  const expected = night.fires[mine.name] ?? {};
  return night.observations.flatMap((now, i) => {
    const said = mine.check(now, i === 0 ? null : (night.observations[i - 1] ?? null));
    const broke = expected[i];
    const at = when(night.observations, i);
    if (broke === undefined) return said === null ? [] : [`${at} nothing broke, yet it said "${said}".`];
    if (said === null) return [`${at} it stayed silent, though ${whatBroke(night.observations, i, broke)}.`];
    return names(said, broke) ? [] : [`${at} it said "${said}", which does not name ${broke.join(' or ')}, the endpoint that broke.`];
  });
}

/** The learner's invariant must be their own, fire exactly where the scripted nights say, naming the endpoint, and never on an ordinary night. */
function judge(mine: Invariant<DnsObservation>): void {
  const core = DNS_SAFETY_INVARIANTS.find((i) => i.name === mine.name);
  assert(
    !(core !== undefined && (mine === core || mine.check === core.check || String(mine.check) === String(core.check))),
    `${mine.name} is the core's own invariant, re-exported or copied: Part B asks you to write it. Say it from what can be observed in now and before.`,
  );
  assert(mine.kind === 'safety', `${mine.name} is of kind '${mine.kind}', so the explorer would not check it after every step: a resolver that gets no answer at 23:48 is a safety failure, keep kind 'safety'.`);
  assert(mine.description.trim() !== '', `${mine.name} has no description: the explorer prints it beside every schedule that breaks it, so say what must always hold.`);
  for (const night of SCRIPTED_NIGHTS) {
    const wrong = mistakes(mine, night);
    assert(wrong.length === 0, `${mine.name} (${mine.description}) on a scripted night, ${night.name}:\n${wrong.map((w) => `- ${w}`).join('\n')}`);
  }
  const first = ordinary.observations.findIndex((now, i) => mine.check(now, i === 0 ? null : (ordinary.observations[i - 1] ?? null)) !== null);
  if (first < 0) return;
  const step = ordinary.trace[first - 1];
  const said = mine.check(ordinary.observations[first] as DnsObservation, ordinary.observations[first - 1] ?? null);
  assert.fail(
    `${mine.name} fired on an ordinary night, where nothing went wrong: after ${step === undefined ? 'the start' : `${formatClock(step.time)} ${step.actor}: ${step.action}`} it said "${said}". Every endpoint is behind the Planner for a moment after each plan; that is not an outage.`,
  );
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
    const cx = found.counterexample;
    assert(cx !== null, `300 random schedules of the october2025 topology broke none of your invariants: each check returned null after every step, even on the schedules where the regional endpoint went empty.`);
    const replay = parseReplay(cx.replay);
    const again = runModel(model, { seed: replay.seed, scheduler: replay.scheduler, invariants: myInvariants });
    assert(
      again.violations[0]?.invariant === cx.violation.invariant,
      `the search found this schedule:\n${formatCounterexample(cx)}\nBut its replay string did not reproduce it: replayed, ${again.violations[0] === undefined ? 'no invariant broke' : `${again.violations[0].invariant} broke first`}. An invariant must judge only now and before, never remember earlier calls.`,
    );
  });
});
