import { afterEach, describe, expect, it } from 'vitest';
import {
  REGIONAL_ENDPOINT,
  createDnsModel,
  explore,
  exploreExhaustively,
  formatClock,
  formatCounterexample,
  formatTimeline,
  october2025Exploration,
  ordinaryNight,
  pdt,
  runModel,
  smallScope,
  type DnsConfig,
  type EnactorProgram,
} from '@outage-lab/core';
import { DNS_INVARIANTS, activePlanExists, generationNeverRegresses, newestPlanApplied, october2025, regionalEndpointResolves } from '@outage-lab/core/judge';
import { DnsEnactor } from '../src/enactor.ts';
import { LAG, LAGGING_ENDPOINT, cleanupNightConfig, laggingStart, wedgedStart } from './nights.ts';
import { everyInterleavingAtRealSize, REAL_SIZE_BUDGET, WAITING } from './real-size.ts';
import { runNight, story, type Night } from './support.ts';

const enactor = (): EnactorProgram => new DnsEnactor();
/** A budget for the steps that run a whole night or search many schedules, so that a busy laptop is never a failure. */
const HEAVY = { timeout: 120_000 };

describe('Lesson 02 · generation checks', () => {
  let october: Night | null = null;
  const october2025Night = () => (october ??= runNight(enactor(), october2025.config, pdt('23:52'), october2025.seed));
  /** Whether a step has failed so far: step 9 waits until none has. */
  let failing = false;
  afterEach(({ task }) => {
    if (task.result?.state === 'fail') failing = true;
  });

  it('step 1: on the night of 19 October, dynamodb.us-east-1.amazonaws.com never goes empty', HEAVY, () => {
    const run = october2025Night();
    const empty = run.violations.find((v) => v.invariant === regionalEndpointResolves.name);
    expect(empty, story(run, empty)).toBeUndefined();
  });

  it('step 2: no endpoint ever goes back to an older generation that night', HEAVY, () => {
    const run = october2025Night();
    const back = run.violations.find((v) => v.invariant === generationNeverRegresses.name);
    expect(back, `a plan whose freshness was checked long ago still overwrote a newer one.\n${story(run, back)}`).toBeUndefined();
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
      `the Planner published gen 105 with no load balancers for ${broken}: an incorrect plan, which AWS promised to protect against; yet endpoints started serving it`,
    ).toEqual([]);
    const run = runNight(enactor(), config, pdt('23:12'), 1);
    const regional = run.final.endpoints.find((e) => e.name === REGIONAL_ENDPOINT);
    expect(regional?.answers.length ?? 0, 'the regional endpoint must keep serving').toBeGreaterThan(0);
    expect(regional?.activeGeneration ?? 0, 'refusing gen 105 must not stop the plans after it: they are correct and must still be applied').toBeGreaterThan(105);
  });

  it('step 4: an Enactor that finds the system wedged repairs it instead of retrying forever', () => {
    const base = ordinaryNight().runUntil('23:06').value.config;
    const run = runNight(enactor(), base, pdt('23:06'), 1, wedgedStart);
    const regional = run.final.endpoints.find((e) => e.name === REGIONAL_ENDPOINT);
    const attempts = run.trace.filter((s) => s.action.endsWith(` ${REGIONAL_ENDPOINT}`) && s.action.startsWith('apply'));
    expect(
      regional?.answers.length ?? 0,
      `the run started wedged, as after 23:48: the regional endpoint's active set was deleted and every batch must move the rollback record to a set that no longer exists. Five plans later it is still empty; only operators repaired this in October:\n${formatTimeline(attempts.slice(-4))}`,
    ).toBeGreaterThan(0);
  });

  it(`step 5: clean-up deletes old plans, but never the live set of an endpoint that lags ${LAG.to - LAG.from} plans behind`, HEAVY, () => {
    const run = runNight(enactor(), cleanupNightConfig, pdt('23:35'), 1, laggingStart);
    const deleted = run.violations.find((v) => v.invariant === activePlanExists.name);
    expect(
      deleted,
      `${LAGGING_ENDPOINT} still served gen ${LAG.from} when enactor-az1 cleaned up after gen ${LAG.to}: a clean-up that trusts the plan it just applied deletes a set that is live, as at 23:48.\n${story(run, deleted)}`,
    ).toBeUndefined();
    const newest = run.world.plans.newestGeneration;
    const threshold = cleanupNightConfig.cleanupThreshold;
    const oldestPlan = Math.min(...run.world.plans.generations());
    const oldestSet = Math.min(...run.world.route53.planSets().map((s) => s.generation));
    expect(
      { oldestPlan, oldestSet },
      `after half an hour of plans (newest gen ${newest}, every endpoint caught up), plans and record sets from gen ${Math.min(oldestPlan, oldestSet)} are still there: a clean-up that never deletes lets the plan store and the hosted zone grow forever`,
    ).toEqual({ oldestPlan: expect.toSatisfy((g: number) => g >= newest - 2 * threshold), oldestSet: expect.toSatisfy((g: number) => g >= newest - 2 * threshold) });
  });

  it('step 6: 2,000 random schedules of the october2025 topology break no invariant', HEAVY, () => {
    const model = createDnsModel(october2025Exploration.config, { name: 'october2025Exploration', enactor: enactor() });
    const found = explore(model, { invariants: DNS_INVARIANTS, strategy: 'random', runs: 2000, shrink: true });
    const report = found.counterexample === null ? '' : formatCounterexample(found.counterexample);
    expect(found.counterexample === null, `schedule ${found.runs} of ${found.runs} broke an invariant:\n${report}`).toBe(true);
  });

  it('step 7: every interleaving of the SPIN-sized configuration (2 Enactors, 5 plans, threshold 2) is safe', HEAVY, () => {
    const model = createDnsModel(smallScope.config, { name: 'smallScope', enactor: enactor() });
    const result = exploreExhaustively(model, { invariants: DNS_INVARIANTS, maxStates: 200_000 });
    const searched = `${result.states} states, ${result.transitions} transitions, ${result.terminalStates} terminal`;
    const report = result.counterexample === null ? '' : formatCounterexample(result.counterexample);
    expect(
      result.counterexample === null,
      `after ${searched}, the shortest schedule that breaks an invariant. Between an Enactor's read and its batch another Enactor wrote; a check of what was read does not stop a write that Route 53 will accept anyway:\n${report}`,
    ).toBe(true);
    expect(result.complete, `the search stopped at ${searched} before covering everything`).toBe(true);
  });

  it('step 8: the liveness check can tell an Enactor that does nothing from one that works', () => {
    const idle: EnactorProgram = { ready: () => false, describe: () => 'nothing', step: () => ({ result: 'nothing', ok: true, delayMs: 0 }) };
    const config = ordinaryNight().stopPlannerAt('23:05').value.config;
    const lazy = runModel(createDnsModel(config, { enactor: idle }), { seed: 1, untilMs: pdt('23:06'), invariants: [newestPlanApplied] });
    expect(lazy.violations.map((v) => v.invariant), 'an Enactor that applies nothing must fail newest-plan-applied').toEqual(['newest-plan-applied']);
    const yours = runNight(enactor(), config, pdt('23:06'), 1);
    const late = yours.violations.find((v) => v.invariant === newestPlanApplied.name);
    expect(late, `once the Planner stops, every endpoint must reach the newest plan; a safe Enactor that stops applying is no fix.\n${story(yours, late)}`).toBeUndefined();
  });

  it('step 9: every interleaving of three Enactors on the regional endpoint and its twin breaks no invariant', REAL_SIZE_BUDGET, (ctx) => {
    if (failing) ctx.skip(WAITING);
    everyInterleavingAtRealSize(enactor());
  });
});
