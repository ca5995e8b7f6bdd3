import type { Outcome, StepContext } from '../sim/model.ts';
import { currentEndpoint } from './enactor-kit.ts';
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
 * The life cycle every Enactor shares: idle → check freshness → for each endpoint, take
 * its lock and apply the plan → clean up → idle. Subclasses decide what each of the four
 * steps does; this class only dispatches and labels them.
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

  /** Idle with a newer plan in the store: decide whether to start applying it. */
  protected abstract checkFreshness(me: EnactorState, world: DnsWorld, ctx: StepContext): Outcome;
  /** Read the current endpoint's lock (and whatever else the batch will depend on). */
  protected abstract takeLock(me: EnactorState, world: DnsWorld, ctx: StepContext): Outcome;
  /** One Route 53 batch for the current endpoint. */
  protected abstract apply(me: EnactorState, world: DnsWorld, ctx: StepContext): Outcome;
  /** After the last endpoint: delete old plans. */
  protected abstract cleanUp(me: EnactorState, world: DnsWorld, ctx: StepContext): Outcome;
}
