import { afterEach, assert, describe, it } from 'vitest';
import {
  REGIONAL_ENDPOINT,
  createDnsModel,
  explore,
  exploreExhaustively,
  formatClock,
  formatTimeline,
  october2025Exploration,
  ordinaryNight,
  pdt,
  rollbackName,
  runModel,
  smallScope,
  type DnsConfig,
  type EnactorProgram,
} from '@outage-lab/core';
import { DNS_INVARIANTS, activePlanExists, generationNeverRegresses, newestPlanApplied, october2025, regionalEndpointResolves } from '@outage-lab/core/judge';
import { DnsEnactor } from '../src/enactor.ts';
import { needlessLocks, rollbackProblems } from './judge-night.ts';
import { LAG, LAGGING_ENDPOINT, NEW_ENDPOINT, cleanupNightConfig, laggingStart, newEndpoint, wedgedStart } from './nights.ts';
import { everyInterleavingAtRealSize, REAL_SIZE_BUDGET, WAITING } from './real-size.ts';
import { searchStory } from './search-story.ts';
import { bullets, runNight, story, type Night } from './support.ts';

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
    assert(empty === undefined, story(run, empty));
  });

  it('step 2: no endpoint ever goes back to an older generation that night', HEAVY, () => {
    const run = october2025Night();
    const back = run.violations.find((v) => v.invariant === generationNeverRegresses.name);
    assert(back === undefined, `a plan whose freshness was checked long ago still overwrote a newer one.\n${story(run, back)}`);
  });

  it('step 3: a plan with an empty entry is refused whole; no endpoint ever serves it', () => {
    const base = ordinaryNight().runUntil('23:12').value.config;
    const broken = base.endpoints[base.endpoints.length - 1]?.planKey ?? 'regional';
    const config: DnsConfig = { ...base, faults: [{ point: 'planner.empty-plan', generation: 105, planKey: broken }] };
    /** Each endpoint that served gen 105: when it first did, and which Enactor wrote it there. */
    const served = new Map<string, string>();
    runModel(createDnsModel(config, { enactor: enactor() }), {
      seed: 1,
      untilMs: pdt('23:12'),
      onStep: (step, observed) => {
        for (const e of observed.endpoints) if (e.activeGeneration === 105 && step !== null && !served.has(e.name)) served.set(e.name, `${e.name} from ${formatClock(step.time)} (written by ${step.actor})`);
      },
    });
    const servedBy = [...served.values()];
    assert(
      servedBy.length === 0,
      `the Planner published gen 105 with no load balancers for ${broken}: an incorrect plan, which AWS promised to protect against; yet ${servedBy.length} of ${base.endpoints.length} endpoints served it: ${servedBy.join(', ')}.`,
    );
    const run = runNight(enactor(), config, pdt('23:12'), 1);
    const regional = run.final.endpoints.find((e) => e.name === REGIONAL_ENDPOINT);
    const broke = run.violations[0];
    assert((regional?.answers.length ?? 0) > 0, `${REGIONAL_ENDPOINT} answered no addresses at 23:12, after the Planner's incorrect gen 105: it must keep serving.${broke === undefined ? '' : `\n${story(run, broke)}`}`);
    assert(
      (regional?.activeGeneration ?? 0) > 105,
      `at 23:12 ${REGIONAL_ENDPOINT} still served gen ${regional?.activeGeneration ?? 'none'}: refusing gen 105 must not stop the plans after it, which are correct and must still be applied.`,
    );
  });

  it('step 4: an Enactor that finds the system wedged repairs it instead of retrying forever, and every rollback record still points at the plan before', () => {
    const base = ordinaryNight().runUntil('23:06').value.config;
    const run = runNight(enactor(), base, pdt('23:06'), 1, wedgedStart);
    const regional = run.final.endpoints.find((e) => e.name === REGIONAL_ENDPOINT);
    const attempts = run.trace.filter((s) => s.action.endsWith(` ${REGIONAL_ENDPOINT}`) && s.action.startsWith('apply'));
    assert(
      (regional?.answers.length ?? 0) > 0,
      `the run started wedged, as after 23:48: the regional endpoint's active set was deleted and every batch must move the rollback record to a set that no longer exists. Your Enactor's last attempts:\n${formatTimeline(attempts.slice(-4))}\nAt 23:06, five plans later, ${REGIONAL_ENDPOINT} still answers no addresses; only operators repaired this in October.`,
    );
    const rollback = rollbackProblems(run);
    assert(
      rollback.length === 0,
      `the rollback record is how operators take an endpoint back one plan: a write must point it at the plan the endpoint served before, or, only where that set is gone (the wedge), at the new one:\n${bullets(rollback)}`,
    );
  });

  it(`step 5: clean-up deletes old plans, but never the live set of an endpoint that lags ${LAG.to - LAG.from} plans behind`, HEAVY, () => {
    const run = runNight(enactor(), cleanupNightConfig, pdt('23:35'), 1, laggingStart);
    const deleted = run.violations.find((v) => v.invariant === activePlanExists.name);
    assert(
      deleted === undefined,
      `${LAGGING_ENDPOINT} still served gen ${LAG.from} when enactor-az1 cleaned up after gen ${LAG.to}: a clean-up that trusts the plan it just applied deletes a set that is live, as at 23:48.\n${story(run, deleted)}`,
    );
    const newest = run.world.plans.newestGeneration;
    const threshold = cleanupNightConfig.cleanupThreshold;
    const oldest = Math.min(...run.world.plans.generations(), ...run.world.route53.planSets().map((s) => s.generation));
    assert(
      oldest >= newest - 2 * threshold,
      `at 23:35, after half an hour of plans (newest gen ${newest}, every endpoint caught up), plans or record sets from gen ${oldest} are still there: a clean-up that never deletes lets the plan store and the hosted zone grow forever.`,
    );
    const kept = new Set(run.world.plans.generations());
    const dropped = Array.from({ length: threshold + 1 }, (_, i) => newest - threshold + i).filter((g) => !kept.has(g));
    assert(
      dropped.length === 0,
      `at 23:35 the plan store no longer holds gen ${dropped.join(', ')}: clean-up deletes only plans more than cleanupThreshold (${threshold}) generations older than the one just applied, so gen ${newest - threshold} to ${newest} must stay, for an Enactor a plan or two behind and for the rollback records.`,
    );
    const lost = run.final.endpoints.filter((e) => {
      const target = run.world.route53.get(rollbackName(e.name), 'ALIAS')?.value;
      return target !== undefined && run.world.route53.recordsAt(target).length === 0;
    });
    assert(
      lost.length === 0,
      `at 23:35 the rollback record of ${lost.map((e) => `${e.name} (gen ${e.rollbackGeneration ?? 'none'})`).join(', ')} points at a set that clean-up deleted: nobody can roll back one plan, and the next batch that keeps that rollback is the 23:48 wedge.`,
    );
  });

  it('step 6: 2,000 random schedules of the october2025 topology break no invariant', HEAVY, () => {
    const model = createDnsModel(october2025Exploration.config, { name: 'october2025Exploration', enactor: enactor() });
    const found = explore(model, { invariants: DNS_INVARIANTS, strategy: 'random', runs: 2000, shrink: true });
    const cx = found.counterexample;
    assert(cx === null, cx === null ? '' : `random schedule ${found.runs} of 2,000 broke an invariant.\n${searchStory(model, cx)}`);
  });

  it('step 7: every interleaving of the SPIN-sized configuration (2 Enactors, 5 plans, threshold 2) is safe', HEAVY, () => {
    const model = createDnsModel(smallScope.config, { name: 'smallScope', enactor: enactor() });
    const result = exploreExhaustively(model, { invariants: DNS_INVARIANTS, maxStates: 200_000 });
    const searched = `${result.states} states, ${result.transitions} transitions, ${result.terminalStates} terminal`;
    const cx = result.counterexample;
    assert(
      cx === null,
      cx === null
        ? ''
        : `after ${searched}, the shortest schedule that breaks an invariant. Between an Enactor's read and its batch another Enactor wrote; a check of what was read does not stop a write that Route 53 will accept anyway.\n${searchStory(model, cx)}`,
    );
    assert(result.complete, `the search stopped at ${searched}, before covering every interleaving: your Enactor reaches more states than a correct one ever does (about 8,400).`);
  });

  it('step 8: the liveness check can tell an Enactor that does nothing from one that works; yours brings every endpoint, a new one too, to the newest plan, and works only when there is work', () => {
    const idle: EnactorProgram = { ready: () => false, describe: () => 'nothing', step: () => ({ result: 'nothing', ok: true, delayMs: 0 }) };
    const config = ordinaryNight().stopPlannerAt('23:05').value.config;
    const lazy = runModel(createDnsModel(config, { enactor: idle }), { seed: 1, untilMs: pdt('23:06'), invariants: [newestPlanApplied] });
    const broke = lazy.violations.map((v) => v.invariant).join(', ');
    assert(broke === newestPlanApplied.name, `an Enactor that applies nothing must fail newest-plan-applied, and only it; it broke ${broke === '' ? 'nothing' : broke}.`);
    const yours = runNight(enactor(), config, pdt('23:06'), 1, newEndpoint);
    const late = yours.violations.find((v) => v.invariant === newestPlanApplied.name);
    assert(
      late === undefined,
      `once the Planner stops, every endpoint must reach the newest plan, ${NEW_ENDPOINT}, added to the zone tonight with no records yet, included; a safe Enactor that stops applying is no fix.\n${story(yours, late)}`,
    );
    const needless = [...needlessLocks(yours), ...needlessLocks(october2025Night())];
    assert(needless.length === 0, `an Enactor did work that was already done:\n${bullets(needless)}`);
  });

  it('step 9: every interleaving of three Enactors on the regional endpoint and its twin breaks no invariant', REAL_SIZE_BUDGET, (ctx) => {
    if (failing) ctx.skip(WAITING);
    everyInterleavingAtRealSize(enactor());
  });
});
