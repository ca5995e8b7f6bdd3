import { formatClock, formatDuration } from '../sim/clock.ts';
import type { Outcome, StepContext } from '../sim/model.ts';
import {
  abandonPlan,
  activeGeneration,
  apiLatency,
  describeGenerations,
  lockChanges,
  nextEndpoint,
  planChanges,
  removeSetsOlderThan,
  retryAfterBackoff,
  tryLock,
} from './enactor-kit.ts';
import { EnactorSteps } from './enactor-steps.ts';

export type { EnactorProgram } from './enactor-steps.ts';
import type { Endpoint } from './config.ts';
import type { Plan } from './plan-store.ts';
import { generationOfSet } from './records.ts';
import type { BatchWorld, DnsWorld, EnactorState } from './world.ts';

/**
 * The DNS Enactor as it ran on 19 October 2025, including its latent race:
 * 1. it checks ONCE, before it starts, that its plan is newer than what is applied;
 * 2. it then works through the endpoints one at a time: it reads each endpoint's lock and
 *    root, backing off when the lock is taken, and then applies the plan in one Route 53
 *    batch that is conditional on the lock alone;
 * 3. when it has finished, it deletes plans many generations older than its own.
 * Nothing re-checks freshness per endpoint, and clean-up trusts the Enactor's memory of
 * what it applied, not what Route 53 holds.
 */
export class DnsEnactor extends EnactorSteps {
  /** The one-time freshness check: compared once, never again while the plan is applied. */
  protected checkFreshness(me: EnactorState, world: DnsWorld, ctx: StepContext, plan: Plan): Outcome {
    const delayMs = apiLatency(world, me, ctx);
    me.lastAttempted = plan.generation;
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
