import {
  EnactorSteps,
  abandonPlan,
  activeGeneration,
  apiLatency,
  currentEndpoint,
  deleteSetsOlderThan,
  describeGenerations,
  formatClock,
  lockChanges,
  nextEndpoint,
  planChanges,
  retryAfterBackoff,
  tryLock,
  type DnsWorld,
  type EnactorState,
  type Outcome,
  type StepContext,
} from '@outage-lab/core';

/**
 * Your DNS Enactor. It starts as an exact copy of the one that ran on 19 October 2025,
 * race included. Three copies run, one per AZ; the simulator calls one of them at a time,
 * and each call is one atomic action against Route 53 or the plan store:
 *
 *   idle    → checkFreshness: pick up the newest plan if it is newer than what is applied
 *   lock    → takeLock: read the endpoint's lock record, back off if someone holds it
 *   apply   → apply: one all-or-nothing Route 53 batch for this endpoint
 *   cleanup → cleanUp: delete plans many generations older than the one just applied
 *
 * The race lives in two memories: a freshness check made once, long ago, and a clean-up
 * that trusts the plan it just applied. Make every decision rest on what Route 53 holds
 * at the moment of the write. There are four places to work: search for TODO(lesson 02).
 */
export class DnsEnactor extends EnactorSteps {
  protected checkFreshness(me: EnactorState, world: DnsWorld, ctx: StepContext): Outcome {
    const plan = world.plans.newest();
    const delayMs = apiLatency(world, me, ctx);
    if (plan === undefined) return { result: 'no plan in the store', ok: false, delayMs };
    me.lastAttempted = plan.generation;
    // TODO(lesson 02): refuse a plan that would leave any endpoint with no addresses
    // (plan.entries[endpoint.planKey] is empty): AWS's "protections against applying
    // incorrect plans".
    const applied = Math.max(0, ...world.config.endpoints.map((e) => activeGeneration(world, e.name) ?? 0));
    if (plan.generation <= applied) {
      return { result: `gen ${plan.generation} is not newer than applied gen ${applied}: skip`, ok: true, delayMs };
    }
    Object.assign(me, { phase: 'lock', plan, endpoint: 0, attempts: 0, checkedAt: ctx.now, checkedAgainst: applied });
    return { result: `gen ${plan.generation} is newer than applied gen ${applied}: go (checked once, not again)`, ok: true, delayMs };
  }

  protected takeLock(me: EnactorState, world: DnsWorld, ctx: StepContext): Outcome {
    const endpoint = currentEndpoint(world, me);
    if (endpoint === undefined) return nextEndpoint(world, me, ctx, 'no endpoint left');
    const failed = tryLock(world, me, endpoint, ctx);
    if (failed !== null) return failed;
    // TODO(lesson 02): also remember what the root ALIAS points at right now, in
    // me.rootSeen, so that apply() can make its batch conditional on it.
    me.phase = 'apply';
    return { result: 'lock is free', ok: true, delayMs: apiLatency(world, me, ctx) };
  }

  protected apply(me: EnactorState, world: DnsWorld, ctx: StepContext): Outcome {
    const endpoint = currentEndpoint(world, me);
    const plan = me.plan;
    if (endpoint === undefined || plan === null) return nextEndpoint(world, me, ctx, 'no endpoint left');
    // TODO(lesson 02): the freshness check belongs here, inside the batch. If the endpoint
    // already serves a newer generation than ours, our plan is stale: abandon it. Otherwise
    // make the batch a compare-and-set: DELETE the root ALIAS with exactly the value you
    // read (Route 53 rejects the whole batch if it changed), then CREATE the new one.
    // And if the set the root points at no longer exists (the wedge), point the rollback
    // record at the new set instead of at the missing one.
    const lock = lockChanges(endpoint, me, ctx.now, world.config.lockTtlMs);
    const before = activeGeneration(world, endpoint.name);
    const result = world.route53.changeResourceRecordSets([...lock, ...planChanges(world, endpoint, plan)]);
    if (!result.ok && result.change < lock.length) return retryAfterBackoff(world, me, ctx, `rejected, lost the lock: ${result.reason}`);
    if (!result.ok) return abandonPlan(world, me, ctx, `rejected: ${result.reason}; gives up on gen ${plan.generation}`, false);
    const stale = before !== null && before > plan.generation ? ` ⚠ overwrote newer gen ${before}, checked at ${formatClock(me.checkedAt)}` : '';
    return nextEndpoint(world, me, ctx, `root → gen ${plan.generation} (was gen ${before ?? 'none'})${stale}`);
  }

  protected cleanUp(me: EnactorState, world: DnsWorld, ctx: StepContext): Outcome {
    const generation = me.plan?.generation ?? me.lastApplied;
    // TODO(lesson 02): judge from Route 53, not from memory: never delete a plan that is
    // live on any endpoint (activeGeneration), nor one newer than it.
    const cutoff = generation - world.config.cleanupThreshold;
    const oldPlans = world.plans.generations().filter((g) => g < cutoff);
    oldPlans.forEach((g) => world.plans.delete(g));
    const { changes, sets } = deleteSetsOlderThan(world, cutoff);
    const result = changes.length === 0 ? { ok: true as const } : world.route53.changeResourceRecordSets(changes);
    Object.assign(me, { phase: 'idle', plan: null, lastApplied: generation, attempts: 0 });
    const delayMs = apiLatency(world, me, ctx);
    if (!result.ok) return { result: `clean-up rejected: ${result.reason}`, ok: false, delayMs };
    return { result: `deleted plans ${describeGenerations(oldPlans)} and ${sets.length} record sets`, ok: true, delayMs };
  }
}
