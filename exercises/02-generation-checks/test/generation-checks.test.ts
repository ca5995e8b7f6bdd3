import { describe, expect, it } from 'vitest';
import {
  DNS_INVARIANTS,
  DNS_SAFETY_INVARIANTS,
  REGIONAL_ENDPOINT,
  createDnsModel,
  explore,
  exploreExhaustively,
  formatClock,
  formatCounterexample,
  formatTimeline,
  generationNeverRegresses,
  newestPlanApplied,
  october2025,
  october2025Exploration,
  ordinaryNight,
  pdt,
  regionalEndpointResolves,
  runModel,
  smallScope,
  type DnsConfig,
  type DnsWorld,
  type EnactorProgram,
  type Violation,
} from '@outage-lab/core';
import { DnsEnactor } from '../src/enactor.ts';

/**
 * The budget of this lesson's heavy steps (random or exhaustive exploration, whole
 * nights): a few seconds on a quiet machine, up to ten times that on a busy 2-core
 * laptop. Every other step has the lesson projects' budget of 60 s.
 */
const HEAVY_STEP_MS = 180_000;

const enactor = (): EnactorProgram => new DnsEnactor();

function night(config: DnsConfig, untilMs: number, seed: number, prepare?: (world: DnsWorld) => void) {
  return runModel(createDnsModel(config, { enactor: enactor(), ...(prepare === undefined ? {} : { prepare }) }), {
    seed,
    untilMs,
    invariants: DNS_INVARIANTS,
    stopOnViolation: false,
  });
}

/** The story of a broken invariant: the steps on the regional endpoint leading up to it. */
function story(run: ReturnType<typeof night>, violation: Violation | undefined): string {
  if (violation === undefined) return '';
  const around = run.trace.filter((s) => s.index <= violation.step && s.index > violation.step - 400 && (s.action.endsWith(` ${REGIONAL_ENDPOINT}`) || s.action.startsWith('clean') || s.action.startsWith('check')));
  return `${violation.invariant} broke at ${formatClock(violation.time)}: ${violation.message}\n\n${formatTimeline(around.slice(-12), { violations: [violation] })}`;
}

describe('Lesson 02 · generation checks', () => {
  let october: ReturnType<typeof night> | null = null;
  const october2025Night = () => (october ??= night(october2025.config, pdt('23:52'), october2025.seed));

  it('step 1: on the night of 19 October, dynamodb.us-east-1.amazonaws.com never goes empty', () => {
    const run = october2025Night();
    const empty = run.violations.find((v) => v.invariant === regionalEndpointResolves.name);
    expect(empty, story(run, empty)).toBeUndefined();
  });

  it('step 2: no endpoint ever goes back to an older generation that night', () => {
    const run = october2025Night();
    const back = run.violations.find((v) => v.invariant === generationNeverRegresses.name);
    expect(back, story(run, back)).toBeUndefined();
  });

  it('step 3: a plan with an empty entry is refused whole; no endpoint ever serves it', () => {
    const base = ordinaryNight().runUntil('23:12').value.config;
    const broken = base.endpoints[base.endpoints.length - 1]?.planKey ?? 'regional';
    const config: DnsConfig = { ...base, faults: [{ point: 'planner.empty-plan', generation: 105, planKey: broken }] };
    const served: string[] = [];
    runModel(createDnsModel(config, { enactor: enactor() }), {
      seed: 1,
      untilMs: pdt('23:12'),
      onStep: (step, observed) => {
        for (const e of observed.endpoints) if (e.activeGeneration === 105 && step !== null) served.push(`${formatClock(step.time)} ${e.name} (${step.actor})`);
      },
    });
    expect(
      [...new Set(served)].slice(0, 4),
      `the Planner published gen 105 with no load balancers for ${broken}; that plan is incorrect as a whole, yet endpoints started serving it`,
    ).toEqual([]);
    const run = night(config, pdt('23:12'), 1);
    const regional = run.final.endpoints.find((e) => e.name === REGIONAL_ENDPOINT);
    expect(regional?.answers.length ?? 0, 'the regional endpoint must keep serving').toBeGreaterThan(0);
    expect(regional?.activeGeneration ?? 0, 'plans after the incorrect one should still be applied').toBeGreaterThan(105);
  });

  it('step 4: an Enactor that finds the system wedged repairs it instead of retrying forever', () => {
    const base = ordinaryNight().runUntil('23:06').value.config;
    const wedge = (world: DnsWorld): void => {
      const set = world.route53.get(REGIONAL_ENDPOINT, 'ALIAS')?.value ?? '';
      const deleted = world.route53.changeResourceRecordSets(world.route53.recordsAt(set).map((record) => ({ action: 'DELETE' as const, record })));
      if (!deleted.ok) throw new Error(`could not set up the wedge: ${deleted.reason}`);
    };
    const run = night(base, pdt('23:06'), 1, wedge);
    const regional = run.final.endpoints.find((e) => e.name === REGIONAL_ENDPOINT);
    const attempts = run.trace.filter((s) => s.action.endsWith(` ${REGIONAL_ENDPOINT}`) && s.action.startsWith('apply'));
    expect(
      regional?.answers.length ?? 0,
      `the run started wedged (the regional endpoint's active set deleted, as at 23:48); five plans later it is still empty:\n${formatTimeline(attempts.slice(-4))}`,
    ).toBeGreaterThan(0);
  });

  it('step 5: 2,000 random schedules of the october2025 topology break no invariant', () => {
    const model = createDnsModel(october2025Exploration.config, { name: 'october2025Exploration', enactor: enactor() });
    const found = explore(model, { invariants: DNS_INVARIANTS, strategy: 'random', runs: 2000, shrink: true });
    const report = found.counterexample === null ? '' : formatCounterexample(found.counterexample);
    expect(found.counterexample === null, `schedule ${found.runs} of ${found.runs} broke an invariant:\n${report}`).toBe(true);
  }, HEAVY_STEP_MS);

  it('step 6: exhaustive exploration of the SPIN-sized configuration finds no violating state', () => {
    const model = createDnsModel(smallScope.config, { name: 'smallScope', enactor: enactor() });
    const result = exploreExhaustively(model, { invariants: DNS_INVARIANTS, maxStates: 200_000 });
    console.log(`lesson 02: exhaustive check of 2 Enactors, 5 plans, threshold 2: ${result.states} states, ${result.transitions} transitions, ${result.terminalStates} terminal, complete: ${result.complete}`);
    const report = result.counterexample === null ? '' : formatCounterexample(result.counterexample);
    expect(result.counterexample === null, `after ${result.states} states, the shortest schedule that breaks an invariant:\n${report}`).toBe(true);
    expect(result.complete, `the search stopped at ${result.states} states before covering everything`).toBe(true);
  }, HEAVY_STEP_MS);

  it('step 7: the liveness check can tell an Enactor that does nothing from one that works', () => {
    const idle: EnactorProgram = { ready: () => false, describe: () => 'nothing', step: () => ({ result: 'nothing', ok: true, delayMs: 0 }) };
    const config = ordinaryNight().stopPlannerAt('23:05').value.config;
    const lazy = runModel(createDnsModel(config, { enactor: idle }), { seed: 1, untilMs: pdt('23:06'), invariants: [newestPlanApplied] });
    expect(lazy.violations.map((v) => v.invariant), 'an Enactor that applies nothing must fail newest-plan-applied').toEqual(['newest-plan-applied']);
    const yours = night(config, pdt('23:06'), 1);
    const late = yours.violations.find((v) => v.invariant === newestPlanApplied.name);
    expect(late, story(yours, late)).toBeUndefined();
    expect(DNS_SAFETY_INVARIANTS.length).toBe(3);
  });
});
