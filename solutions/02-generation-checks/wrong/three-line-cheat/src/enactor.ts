import {
  EnactorSteps,
  abandonPlan,
  activeGeneration,
  apiLatency,
  currentEndpoint,
  deleteSetsOlderThan,
  describeGenerations,
  formatClock,
  formatDuration,
  generationOfSet,
  lockChanges,
  nextEndpoint,
  planChanges,
  retryAfterBackoff,
  tryLock,
  type BatchWorld,
  type DnsWorld,
  type EnactorState,
  type Outcome,
  type StepContext,
} from '@outage-lab/core';

/** The starter with three lines changed: empty plans refused, a stale plan abandoned, no rollback to a missing set. */
export class DnsEnactor extends EnactorSteps {
  /** The one-time freshness check: compared once, never again while the plan is applied. */
  protected checkFreshness(me: EnactorState, world: DnsWorld, ctx: StepContext): Outcome {
    const plan = world.plans.newest();
    const delayMs = apiLatency(world, me, ctx);
    if (plan === undefined) return { result: 'no plan in the store', ok: false, delayMs };
    me.lastAttempted = plan.generation;
    if (world.config.endpoints.some((e) => (plan.entries[e.planKey] ?? []).length === 0)) return { result: 'refused an empty plan', ok: false, delayMs };
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
    me.phase = 'apply';
    return { result: 'lock is free', ok: true, delayMs: apiLatency(world, me, ctx) };
  }

  protected apply(me: EnactorState, world: BatchWorld, ctx: StepContext): Outcome {
    const endpoint = currentEndpoint(world, me);
    const plan = me.plan;
    if (endpoint === undefined || plan === null) return nextEndpoint(world, me, ctx, 'no endpoint left');
    const lock = lockChanges(endpoint, me, ctx.now, world.config.lockTtlMs);
    const before = me.rootSeen === null ? null : generationOfSet(me.rootSeen);
    if (before !== null && before > plan.generation) return abandonPlan(world, me, ctx, `gen ${before} is newer: abandon`, true);
    const result = world.route53.changeResourceRecordSets([...lock, ...planChanges(endpoint, plan, me).filter((c) => me.rootSetExists || !c.record.name.startsWith('_rollback.'))]);
    if (!result.ok && result.change < lock.length) return retryAfterBackoff(world, me, ctx, `rejected, lost the lock: ${result.reason}`);
    if (!result.ok) return abandonPlan(world, me, ctx, `rejected: ${result.reason}; gives up on gen ${plan.generation}`, false);
    const stale =
      before !== null && before > plan.generation
        ? ` ⚠ overwrote newer gen ${before}: freshness was checked at ${formatClock(me.checkedAt)}, ${formatDuration(ctx.now - me.checkedAt)} ago`
        : '';
    return nextEndpoint(world, me, ctx, `root → gen ${plan.generation} (was gen ${before ?? 'none'})${stale}`);
  }

  /** Deletes plans "many generations older" than the one just applied, trusting its own memory. */
  protected cleanUp(me: EnactorState, world: DnsWorld, ctx: StepContext): Outcome {
    const generation = me.plan?.generation ?? me.lastApplied;
    const cutoff = generation - world.config.cleanupThreshold;
    const oldPlans = world.plans.generations().filter((g) => g < cutoff);
    oldPlans.forEach((g) => world.plans.delete(g));
    const { changes, sets } = deleteSetsOlderThan(world, cutoff);
    const activeDeleted = world.config.endpoints.filter((e) => sets.includes(world.route53.get(e.name, 'ALIAS')?.value ?? ''));
    const result = changes.length === 0 ? { ok: true as const } : world.route53.changeResourceRecordSets(changes);
    Object.assign(me, { phase: 'idle', plan: null, lastApplied: generation, attempts: 0 });
    const delayMs = apiLatency(world, me, ctx);
    if (!result.ok) return { result: `clean-up rejected: ${result.reason}`, ok: false, delayMs };
    const names = activeDeleted.map((e) => e.name);
    const listed = names.length <= 3 ? names.join(' and ') : `${names.slice(0, 2).join(', ')} and ${names.length - 2} more endpoints`;
    const warning = activeDeleted.length === 0 ? '' : ` ⚠ deleted the active set of ${listed}`;
    return { result: `deleted plans ${describeGenerations(oldPlans)} and ${sets.length} record sets${warning}`, ok: true, delayMs };
  }
}
