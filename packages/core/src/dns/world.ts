import type { Az, DnsConfig } from './config.ts';
import type { Plan } from './plan-store.ts';
import { PlanStore } from './plan-store.ts';
import { Route53 } from './route53.ts';

export type EnactorPhase = 'idle' | 'lock' | 'apply' | 'cleanup';

/** What one DNS Enactor remembers between its steps. */
export interface EnactorState {
  readonly az: Az;
  readonly id: string;
  phase: EnactorPhase;
  /** The plan it is working through, held in memory (it may be deleted from the store meanwhile). */
  plan: Plan | null;
  /** Index into config.endpoints of the endpoint it is on. */
  endpoint: number;
  /** The lock record's value as read, which the batch's DELETE must match; null if there was none. */
  lockSeen: string | null;
  /**
   * The root ALIAS target as read with the lock. The faithful Enactor ignores it; an
   * Enactor with generation checks makes its batch conditional on it (lesson 02).
   */
  rootSeen: string | null;
  /** Consecutive lock failures on this endpoint: the back-off exponent. */
  attempts: number;
  /** Generation of the last plan it finished applying. */
  lastApplied: number;
  /** Newest generation it has started; it does not start one twice. */
  lastAttempted: number;
  /** When its one freshness check passed, and the generation it compared against. For the timeline. */
  checkedAt: number;
  checkedAgainst: number;
}

export interface DnsWorld {
  readonly config: DnsConfig;
  readonly seed: number;
  route53: Route53;
  plans: PlanStore;
  planner: { published: number; limit: number };
  enactors: EnactorState[];
  /** The operators' next action, and whether they have switched the DNS automation off. */
  operator: { next: number; automationOff: boolean };
}

export function cloneWorld(world: DnsWorld): DnsWorld {
  return {
    config: world.config,
    seed: world.seed,
    route53: world.route53.clone(),
    plans: world.plans.clone(),
    planner: { ...world.planner },
    enactors: world.enactors.map((e) => ({ ...e })),
    operator: { ...world.operator },
  };
}

/**
 * Everything that can change what happens next. The clock is left out: the exhaustive
 * configuration sets every latency to zero so time never advances, and the back-off
 * exponent only changes delays, so it is left out too.
 */
export function fingerprintWorld(world: DnsWorld): string {
  const enactors = world.enactors
    .map((e) => `${e.phase}:${e.plan?.generation ?? '-'}:${e.endpoint}:${e.lockSeen ?? '-'}:${e.rootSeen ?? '-'}:${e.lastApplied}:${e.lastAttempted}`)
    .join('|');
  return `${world.planner.published}#${world.operator.next}${world.operator.automationOff ? '!' : ''}#${world.plans.generations().join(',')}#${enactors}#${world.route53.fingerprint()}`;
}
