import {
  EnactorSteps,
  abandonPlan,
  activeGeneration,
  apiLatency,
  describeGenerations,
  formatClock,
  formatDuration,
  generationOfSet,
  lockChanges,
  nextEndpoint,
  planChanges,
  removeSetsOlderThan,
  retryAfterBackoff,
  tryLock,
  type BatchWorld,
  type DnsWorld,
  type EnactorState,
  type Endpoint,
  type Outcome,
  type Plan,
  type StepContext,
} from '@outage-lab/core';

/**
 * Your DNS Enactor. It starts as an exact copy of the one that ran on 19 October 2025,
 * race included. Three copies run, one per AZ; the simulator calls one of them at a time,
 * and each call is one atomic step:
 *
 *   idle    → checkFreshness: pick up the newest plan if it is newer than what is applied
 *   lock    → takeLock: one Route 53 read of the endpoint (its lock and its root ALIAS)
 *   apply   → apply: one all-or-nothing Route 53 batch for this endpoint; it cannot read
 *   cleanup → cleanUp: delete plans many generations older than the one just applied
 *
 * The race lives in two memories: a freshness check made once, long ago, and a clean-up
 * that trusts the plan it just applied. The README lists the helpers and fields you have.
 * There are four places to work: search for TODO(lesson 02).
 */
export class DnsEnactor extends EnactorSteps {
  /** The one-time freshness check: compared once, never again while the plan is applied. */
  protected checkFreshness(me: EnactorState, world: DnsWorld, ctx: StepContext, plan: Plan): Outcome {
    const delayMs = apiLatency(world, me, ctx);
    me.lastAttempted = plan.generation;
    // TODO(lesson 02): after the event AWS promised "protections against applying
    // incorrect plans". Some plans would leave an endpoint with no addresses at all.
    // Should such a plan reach even one endpoint? Decide here, before the first batch.
    const applied = Math.max(0, ...world.config.endpoints.map((e) => activeGeneration(world, e.name) ?? 0));
    if (plan.generation <= applied) {
      return { result: `gen ${plan.generation} is not newer than applied gen ${applied}: skip`, ok: true, delayMs };
    }
    Object.assign(me, { phase: 'lock', plan, endpoint: 0, attempts: 0, checkedAt: ctx.now, checkedAgainst: applied });
    return { result: `gen ${plan.generation} is newer than applied gen ${applied}: go (checked once, not again)`, ok: true, delayMs };
  }

  protected takeLock(me: EnactorState, world: DnsWorld, ctx: StepContext, endpoint: Endpoint): Outcome {
    const failed = tryLock(world, me, endpoint, ctx);
    if (failed !== null) return failed;
    me.phase = 'apply';
    return { result: 'lock is free', ok: true, delayMs: apiLatency(world, me, ctx) };
  }

  protected apply(me: EnactorState, world: BatchWorld, ctx: StepContext, endpoint: Endpoint, plan: Plan): Outcome {
    // TODO(lesson 02): this batch is built from a read made one step ago, and any other
    // Enactor may have written since. At 23:48 a plan whose freshness was checked 37
    // minutes earlier overwrote a newer one here. What must the endpoint still serve for
    // this write to be safe, and how can the batch itself make Route 53 refuse it if that
    // changed after your read? A check of what you read, on its own, is not enough. (An
    // endpoint added to the zone tonight has no root ALIAS yet.)
    //
    // TODO(lesson 02): after 23:48 every batch failed on the rollback record, which had
    // to point at a set clean-up had deleted, and the system stayed wedged until the
    // operators came. Where should the rollback point when the set you read is gone?
    // Everywhere else it is how operators take an endpoint back one plan.
    const lock = lockChanges(endpoint, me, ctx.now, world.config.lockTtlMs);
    const before = me.rootSeen === null ? null : generationOfSet(me.rootSeen);
    const result = world.route53.changeResourceRecordSets([...lock, ...planChanges(endpoint, plan, me)]);
    if (!result.ok && result.change < lock.length) return retryAfterBackoff(world, me, ctx, `rejected, lost the lock: ${result.reason}`);
    if (!result.ok) return abandonPlan(world, me, ctx, `rejected: ${result.reason}; gives up on gen ${plan.generation}`, false);
    const stale =
      before !== null && before > plan.generation
        ? ` ⚠ overwrote newer gen ${before}: freshness was checked at ${formatClock(me.checkedAt)}, ${formatDuration(ctx.now - me.checkedAt)} ago`
        : '';
    return nextEndpoint(world, me, ctx, `root → gen ${plan.generation} (was gen ${before ?? 'none'})${stale}`);
  }

  /** Deletes plans "many generations older" than the one just applied, trusting its own memory. */
  protected cleanUp(me: EnactorState, world: DnsWorld, ctx: StepContext, plan: Plan): Outcome {
    const generation = plan.generation;
    // TODO(lesson 02): this trusts the Enactor's memory of the plan it just applied. At
    // 23:48 it deleted the plan the regional endpoint was serving. Which plans must
    // clean-up never delete, and where can it learn which they are right now? Old plans
    // must still go away, or the plan store grows forever; which must stay all the same,
    // for an Enactor a plan or two behind and for the rollback records?
    const cutoff = generation - world.config.cleanupThreshold;
    const oldPlans = world.plans.generations().filter((g) => g < cutoff);
    oldPlans.forEach((g) => world.plans.delete(g));
    const sets = removeSetsOlderThan(world, cutoff);
    const activeDeleted = world.config.endpoints.filter((e) => sets.includes(world.route53.get(e.name, 'ALIAS')?.value ?? ''));
    Object.assign(me, { phase: 'idle', plan: null, lastApplied: generation, attempts: 0 });
    const delayMs = apiLatency(world, me, ctx);
    const names = activeDeleted.map((e) => e.name);
    const listed = names.length <= 3 ? names.join(' and ') : `${names.slice(0, 2).join(', ')} and ${names.length - 2} more endpoints`;
    const warning = activeDeleted.length === 0 ? '' : ` ⚠ deleted the active set of ${listed}`;
    return { result: `deleted plans ${describeGenerations(oldPlans)} and ${sets.length} record sets${warning}`, ok: true, delayMs };
  }
}
