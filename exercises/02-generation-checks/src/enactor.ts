import {
  activeGeneration,
  apiLatency,
  backoff,
  currentEndpoint,
  deleteSetsOlderThan,
  describeGenerations,
  formatClock,
  formatDuration,
  lockChanges,
  lockFaultActive,
  lockName,
  parseLock,
  planChanges,
  type DnsWorld,
  type EnactorProgram,
  type EnactorState,
  type Outcome,
  type StepContext,
} from '@outage-lab/core';

/**
 * Your DNS Enactor. It starts as an exact copy of the one that ran on 19 October 2025,
 * race included. Three copies run, one per AZ; the simulator calls `step` for one of
 * them at a time, and each call is one atomic action against Route 53 or the plan store.
 *
 * An Enactor's life, one step at a time:
 *   idle    → checkFreshness: pick up the newest plan if it is newer than what is applied
 *   lock    → takeLock: read the endpoint's lock record, back off if someone holds it
 *   apply   → apply: one Route 53 batch: lock, the plan's record set, root and rollback ALIAS
 *   cleanup → cleanUp: delete plans many generations older than the one just applied
 *
 * The race lives in two memories: a freshness check made once, long ago, and a clean-up
 * that trusts the plan it just applied. Make every decision rest on what Route 53 holds
 * at the moment of the write. Search for TODO(lesson 02).
 */
export class DnsEnactor implements EnactorProgram {
  ready(me: EnactorState, world: DnsWorld): boolean {
    return me.phase !== 'idle' || world.plans.newestGeneration > me.lastAttempted;
  }

  describe(me: EnactorState, world: DnsWorld): string {
    const endpoint = currentEndpoint(world, me)?.name ?? '?';
    switch (me.phase) {
      case 'idle':
        return `check freshness of gen ${world.plans.newestGeneration}`;
      case 'lock':
        return `take lock on ${endpoint}`;
      case 'apply':
        return `apply gen ${me.plan?.generation ?? '?'} to ${endpoint}`;
      case 'cleanup':
        return `clean up plans older than gen ${(me.plan?.generation ?? 0) - world.config.cleanupThreshold}`;
    }
  }

  step(me: EnactorState, world: DnsWorld, ctx: StepContext): Outcome {
    switch (me.phase) {
      case 'idle':
        return this.checkFreshness(me, world, ctx);
      case 'lock':
        return this.takeLock(me, world, ctx);
      case 'apply':
        return this.apply(me, world, ctx);
      case 'cleanup':
        return this.cleanUp(me, world, ctx);
    }
  }

  /** The one-time freshness check: compared once, never again while the plan is applied. */
  private checkFreshness(me: EnactorState, world: DnsWorld, ctx: StepContext): Outcome {
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

  private takeLock(me: EnactorState, world: DnsWorld, ctx: StepContext): Outcome {
    const endpoint = currentEndpoint(world, me);
    if (endpoint === undefined) return this.finishEndpoints(me, world, ctx);
    if (lockFaultActive(world, me, ctx.now)) {
      me.attempts++;
      const wait = backoff(world, me, ctx);
      return { result: `lock acquisition failed (fault enactor.lock, ${me.attempts} in a row): back off ${formatDuration(wait)}`, ok: false, delayMs: wait };
    }
    const record = world.route53.get(lockName(endpoint.name), 'TXT');
    const lock = record === undefined ? null : parseLock(record.value);
    if (lock !== null && lock.holder !== me.id && lock.expiresAt > ctx.now) {
      me.attempts++;
      const wait = backoff(world, me, ctx);
      return { result: `held by ${lock.holder} for ${formatDuration(lock.expiresAt - ctx.now)}: back off ${formatDuration(wait)}`, ok: false, delayMs: wait };
    }
    me.lockSeen = record?.value ?? null;
    // TODO(lesson 02): also remember what the root ALIAS points at right now, in
    // me.rootSeen, so that apply() can make its batch conditional on it.
    me.phase = 'apply';
    return { result: 'lock is free', ok: true, delayMs: apiLatency(world, me, ctx) };
  }

  private apply(me: EnactorState, world: DnsWorld, ctx: StepContext): Outcome {
    const endpoint = currentEndpoint(world, me);
    const plan = me.plan;
    if (endpoint === undefined || plan === null) return this.finishEndpoints(me, world, ctx);
    // TODO(lesson 02): the freshness check belongs here, inside the batch. If the endpoint
    // already serves a newer generation than ours, our plan is stale: abandon it. Otherwise
    // make the batch a compare-and-set: DELETE the root ALIAS with exactly the value you
    // read (Route 53 rejects the whole batch if it changed), then CREATE the new one.
    // TODO(lesson 02): and if the set the root points at no longer exists (the wedge),
    // point the rollback record at the new set instead of at the missing one.
    const lock = lockChanges(endpoint, me, ctx.now, world.config.lockTtlMs);
    const before = activeGeneration(world, endpoint.name);
    const result = world.route53.changeResourceRecordSets([...lock, ...planChanges(world, endpoint, plan)]);
    if (!result.ok && result.change < lock.length) {
      me.attempts++;
      me.phase = 'lock';
      const wait = backoff(world, me, ctx);
      return { result: `rejected, lost the lock: ${result.reason}: back off ${formatDuration(wait)}`, ok: false, delayMs: wait };
    }
    if (!result.ok) {
      Object.assign(me, { phase: 'idle', plan: null, attempts: 0 });
      return { result: `rejected: ${result.reason}; gives up on gen ${plan.generation}`, ok: false, delayMs: apiLatency(world, me, ctx) };
    }
    me.attempts = 0;
    me.endpoint++;
    me.phase = me.endpoint < world.config.endpoints.length ? 'lock' : 'cleanup';
    const stale = before !== null && before > plan.generation ? ` ⚠ overwrote newer gen ${before}, checked at ${formatClock(me.checkedAt)}` : '';
    return { result: `root → gen ${plan.generation} (was gen ${before ?? 'none'})${stale}`, ok: true, delayMs: apiLatency(world, me, ctx) };
  }

  private finishEndpoints(me: EnactorState, world: DnsWorld, ctx: StepContext): Outcome {
    me.phase = 'cleanup';
    return { result: 'no endpoint left', ok: true, delayMs: apiLatency(world, me, ctx) };
  }

  /** Deletes plans "many generations older" than the one just applied, trusting its own memory. */
  private cleanUp(me: EnactorState, world: DnsWorld, ctx: StepContext): Outcome {
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
