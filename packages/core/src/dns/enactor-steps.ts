import type { Outcome, StepContext } from '../sim/model.ts';
import type { Endpoint } from './config.ts';
import { abandonPlan, apiLatency, currentEndpoint, nextEndpoint } from './enactor-kit.ts';
import type { Plan } from './plan-store.ts';
import { batchView, type BatchWorld, type DnsWorld, type EnactorState } from './world.ts';

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
 * The life cycle every Enactor shares: idle → check freshness → for each endpoint, read
 * its lock and root (one Route 53 read) and submit one batch (one Route 53 write) → clean
 * up → idle. Subclasses decide what each of the four steps does; this class
 * dispatches and labels them, and hands each what it works on. The read and the batch are separate steps, as they are
 * separate API calls on the real system: other Enactors may act in between, and the batch
 * step is handed a Route 53 it can only write to.
 */
export abstract class EnactorSteps implements EnactorProgram {
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

  /**
   * Hands each step what its phase works on: the newest plan, the endpoint, the plan being
   * applied. The model never reaches a phase without them; should it, this is the one
   * place that copes, so the four steps need no guard of their own.
   */
  step(me: EnactorState, world: DnsWorld, ctx: StepContext): Outcome {
    switch (me.phase) {
      case 'idle': {
        const newest = world.plans.newest();
        if (newest === undefined) return { result: 'no plan in the store', ok: false, delayMs: apiLatency(world, me, ctx) };
        return this.checkFreshness(me, world, ctx, newest);
      }
      case 'lock': {
        const endpoint = currentEndpoint(world, me);
        if (endpoint === undefined) return nextEndpoint(world, me, ctx, 'no endpoint left');
        return this.takeLock(me, world, ctx, endpoint);
      }
      case 'apply': {
        const endpoint = currentEndpoint(world, me);
        if (endpoint === undefined || me.plan === null) return nextEndpoint(world, me, ctx, 'no endpoint left');
        return this.apply(me, batchView(world), ctx, endpoint, me.plan);
      }
      case 'cleanup':
        if (me.plan === null) return abandonPlan(world, me, ctx, 'no plan to clean up after', false);
        return this.cleanUp(me, world, ctx, me.plan);
    }
  }

  /** Idle with a newer plan in the store (`newest`): decide whether to start applying it. */
  protected abstract checkFreshness(me: EnactorState, world: DnsWorld, ctx: StepContext, newest: Plan): Outcome;
  /** One Route 53 read of `endpoint`: its lock, and whatever else the batch will depend on. */
  protected abstract takeLock(me: EnactorState, world: DnsWorld, ctx: StepContext, endpoint: Endpoint): Outcome;
  /** One Route 53 batch that applies `plan` to `endpoint`, built from what takeLock saw: it cannot read the zone. */
  protected abstract apply(me: EnactorState, world: BatchWorld, ctx: StepContext, endpoint: Endpoint, plan: Plan): Outcome;
  /** After the last endpoint of `plan`: delete old plans. */
  protected abstract cleanUp(me: EnactorState, world: DnsWorld, ctx: StepContext, plan: Plan): Outcome;
}
