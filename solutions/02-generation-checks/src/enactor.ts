import {
  EnactorSteps,
  abandonPlan,
  activeGeneration,
  alias,
  apiLatency,
  createRecord,
  deleteRecord,
  describeGenerations,
  generationOfSet,
  leafRecords,
  lockChanges,
  nextEndpoint,
  planSetName,
  planTargets,
  removeSetsOlderThan,
  retryAfterBackoff,
  rollbackName,
  tryLock,
  upsertRecord,
  type BatchWorld,
  type Change,
  type DnsWorld,
  type EnactorState,
  type Endpoint,
  type Outcome,
  type Plan,
  type StepContext,
} from '@outage-lab/core';

/**
 * The DNS Enactor with generation checks. Every decision that used to rest on the
 * Enactor's memory now rests on what Route 53 holds: read it, and make the batch fail if
 * it changed since the read.
 */
export class DnsEnactor extends EnactorSteps {
  protected checkFreshness(me: EnactorState, world: DnsWorld, ctx: StepContext, plan: Plan): Outcome {
    const delayMs = apiLatency(world, me, ctx);
    me.lastAttempted = plan.generation;
    // Fix 3: a plan that would leave an endpoint with no addresses is refused outright.
    const emptied = world.config.endpoints.find((e) => planTargets(plan, e).length === 0);
    if (emptied !== undefined) {
      return { result: `refused gen ${plan.generation}: it would leave ${emptied.name} with no addresses`, ok: false, delayMs };
    }
    const applied = Math.max(0, ...world.config.endpoints.map((e) => activeGeneration(world, e.name) ?? 0));
    if (plan.generation <= applied) {
      return { result: `gen ${plan.generation} is not newer than applied gen ${applied}: skip`, ok: true, delayMs };
    }
    Object.assign(me, { phase: 'lock', plan, endpoint: 0, attempts: 0, checkedAt: ctx.now, checkedAgainst: applied });
    return { result: `gen ${plan.generation} is newer than applied gen ${applied}: go`, ok: true, delayMs };
  }

  protected takeLock(me: EnactorState, world: DnsWorld, ctx: StepContext, endpoint: Endpoint): Outcome {
    const failed = tryLock(world, me, endpoint, ctx);
    if (failed !== null) return failed;
    me.phase = 'apply';
    return { result: 'lock is free', ok: true, delayMs: apiLatency(world, me, ctx) };
  }

  protected apply(me: EnactorState, world: BatchWorld, ctx: StepContext, endpoint: Endpoint, plan: Plan): Outcome {
    const live = me.rootSeen === null ? null : generationOfSet(me.rootSeen);
    // Fix 1, part one: never move an endpoint back. A newer plan was live when we read: ours is stale.
    if ((live ?? 0) > plan.generation) {
      return abandonPlan(world, me, ctx, `gen ${live} is already live, newer than gen ${plan.generation}: abandon the stale plan`, true);
    }
    if (live === plan.generation && me.rootSetExists) return nextEndpoint(world, me, ctx, `already on gen ${live}`);
    const lock = lockChanges(endpoint, me, ctx.now, world.config.lockTtlMs);
    const result = world.route53.changeResourceRecordSets([...lock, ...checkedPlanChanges(endpoint, plan, me)]);
    // Every condition in the batch is about what we read; a rejection means the zone
    // changed since. Read again.
    if (!result.ok) return retryAfterBackoff(world, me, ctx, `rejected, the zone changed since the read: ${result.reason}`);
    return nextEndpoint(world, me, ctx, `root → gen ${plan.generation} (was gen ${live ?? 'none'})`);
  }

  /** Fix 2: judged from Route 53 now, clean-up keeps every plan at or above the oldest one live anywhere. */
  protected cleanUp(me: EnactorState, world: DnsWorld, ctx: StepContext, plan: Plan): Outcome {
    const generation = plan.generation;
    const live = world.config.endpoints.map((e) => activeGeneration(world, e.name) ?? generation);
    const cutoff = Math.min(generation - world.config.cleanupThreshold, ...live);
    const oldPlans = world.plans.generations().filter((g) => g < cutoff);
    oldPlans.forEach((g) => world.plans.delete(g));
    const sets = removeSetsOlderThan(world, cutoff);
    Object.assign(me, { phase: 'idle', plan: null, lastApplied: generation, attempts: 0 });
    return { result: `deleted plans ${describeGenerations(oldPlans)} and ${sets.length} record sets; kept gen ${cutoff} and newer`, ok: true, delayMs: apiLatency(world, me, ctx) };
  }
}

/**
 * The plan part of the batch, conditional on the root ALIAS still pointing where it did
 * when we read it: DELETE it with that exact value, then CREATE the new one. Route 53
 * rejects the whole batch if anyone moved it since.
 */
function checkedPlanChanges(endpoint: Endpoint, plan: Plan, me: EnactorState): Change[] {
  const set = planSetName(endpoint.name, plan.generation);
  const leaves = leafRecords(endpoint, set, plan).map(upsertRecord);
  const root = alias(endpoint.name, set);
  const rollback = rollbackName(endpoint.name);
  // An endpoint added to the zone tonight has no root yet, and nothing to roll back to.
  if (me.rootSeen === null) return [...leaves, createRecord(root), upsertRecord(alias(rollback, set))];
  // Fix 4: if the set the endpoint pointed at was gone (the wedge), the rollback record
  // cannot point at it; point it at the new set and the endpoint is repaired.
  const rollbackTarget = me.rootSetExists ? me.rootSeen : set;
  return [...leaves, deleteRecord(alias(endpoint.name, me.rootSeen)), createRecord(root), upsertRecord(alias(rollback, rollbackTarget))];
}
