import { formatClock, formatDuration } from '../sim/clock.ts';
import type { Outcome, StepContext } from '../sim/model.ts';
import {
  activeGeneration,
  apiLatency,
  backoff,
  currentEndpoint,
  deleteSetsOlderThan,
  describeGenerations,
  lockChanges,
  lockFaultActive,
  parseLock,
  planChanges,
} from './enactor-kit.ts';
import { lockName } from './records.ts';
import type { DnsWorld, EnactorState } from './world.ts';

/**
 * What an Enactor does, step by step. The core runs three of them, one per AZ, each with
 * its own state; lesson 02 plugs in a learner's version through this interface.
 */
export interface EnactorProgram {
  ready(me: EnactorState, world: DnsWorld): boolean;
  describe(me: EnactorState, world: DnsWorld): string;
  step(me: EnactorState, world: DnsWorld, ctx: StepContext): Outcome;
}

/**
 * The DNS Enactor as it ran on 19 October 2025, including its latent race:
 * 1. it checks ONCE, before it starts, that its plan is newer than what is applied;
 * 2. it then works through the endpoints one at a time, taking each endpoint's lock and
 *    applying the plan in one Route 53 batch, backing off when the lock is taken;
 * 3. when it has finished, it deletes plans many generations older than its own.
 * Nothing re-checks freshness per endpoint, and clean-up trusts the Enactor's memory of
 * what it applied, not what Route 53 holds.
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
    me.phase = 'apply';
    return { result: 'lock is free', ok: true, delayMs: apiLatency(world, me, ctx) };
  }

  private apply(me: EnactorState, world: DnsWorld, ctx: StepContext): Outcome {
    const endpoint = currentEndpoint(world, me);
    const plan = me.plan;
    if (endpoint === undefined || plan === null) return this.finishEndpoints(me, world, ctx);
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
    const stale =
      before !== null && before > plan.generation
        ? ` ⚠ overwrote newer gen ${before}: freshness was checked at ${formatClock(me.checkedAt)}, ${formatDuration(ctx.now - me.checkedAt)} ago`
        : '';
    return { result: `root → gen ${plan.generation} (was gen ${before ?? 'none'})${stale}`, ok: true, delayMs: apiLatency(world, me, ctx) };
  }

  private finishEndpoints(me: EnactorState, world: DnsWorld, ctx: StepContext): Outcome {
    me.phase = 'cleanup';
    return { result: 'no endpoint left', ok: true, delayMs: apiLatency(world, me, ctx) };
  }

  /** Deletes plans "many generations older" than the one just applied, trusting its own memory. */
  private cleanUp(me: EnactorState, world: DnsWorld, ctx: StepContext): Outcome {
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
