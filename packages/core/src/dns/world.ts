import type { Az, DnsConfig } from './config.ts';
import type { Plan } from './plan-store.ts';
import { PlanStore } from './plan-store.ts';
import { Route53, type Route53Batch } from './route53.ts';

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
  /**
   * What the read step saw of the endpoint, one Route 53 call before the batch. The batch
   * is built from these, never from a second look at the zone: on the real system the
   * read and the ChangeResourceRecordSets call are two separate API calls, and anything
   * may happen between them.
   * - lockSeen: the lock record's value, which the batch's DELETE must match; null if none.
   * - rootSeen: the root ALIAS's target; the batch points the rollback record here.
   * - rootSetExists: whether that target set still existed.
   */
  lockSeen: string | null;
  rootSeen: string | null;
  rootSetExists: boolean;
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
  /**
   * The operators' next action, whether they have repaired anything by hand (they switch
   * the automation off only after a repair that was needed), and whether it is off.
   */
  operator: { next: number; repaired: boolean; automationOff: boolean };
}

/**
 * The world as a batch step sees it: Route 53 offers only ChangeResourceRecordSets, so a
 * batch can depend on the zone only through what its read step saw and through the
 * conditions Route 53 checks (a DELETE must match exactly).
 */
export type BatchWorld = Omit<DnsWorld, 'route53'> & { readonly route53: Route53Batch };

/** The world as a batch step sees it (see BatchWorld). */
export function batchView(world: DnsWorld): BatchWorld {
  const zone = world.route53;
  return { ...world, route53: { changeResourceRecordSets: (changes) => zone.changeResourceRecordSets(changes) } };
}

/**
 * A deep copy, but for shared Enactor states: the exhaustive search decodes each world's
 * Enactors as shared states (`sharedEnactorState`), and an Enactor's step copies its own
 * before changing it (`ownState`), so a successor shares every Enactor that did not step.
 * That rests on what `EnactorProgram.step(me, world, ctx)` promises: a step changes its
 * own state, never another Enactor's.
 */
export function cloneWorld(world: DnsWorld): DnsWorld {
  return {
    config: world.config,
    seed: world.seed,
    route53: world.route53.clone(),
    plans: world.plans.clone(),
    planner: { ...world.planner },
    enactors: world.enactors.map((e) => (isSharedState(e) ? e : { ...e })),
    operator: { ...world.operator },
  };
}

/** The state of Enactor `index`, copied first if it is shared with the world it was cloned from. */
export function ownState(world: DnsWorld, index: number): EnactorState {
  const state = world.enactors[index];
  if (state === undefined) throw new RangeError(`no Enactor ${index}`);
  if (!isSharedState(state)) return state;
  const copy = { ...state };
  world.enactors[index] = copy;
  return copy;
}

/** The prototype that marks an Enactor state as shared between a world and its copies; it adds nothing. */
const SHARED: object = Object.create(Object.prototype) as object;

/** Whether an Enactor state is shared between worlds, and so never changes (see cloneWorld). */
export function isSharedState(state: EnactorState): boolean {
  return Object.getPrototypeOf(state) === SHARED;
}

/** An empty Enactor state marked as shared (see cloneWorld), for the exhaustive search's decoder to fill. */
export function sharedEnactorState(): Record<string, unknown> {
  return Object.create(SHARED) as Record<string, unknown>;
}

/**
 * Everything that can change what happens next. The clock is left out: the exhaustive
 * configuration sets every latency to zero so time never advances, and the back-off
 * exponent only changes delays, so it is left out too.
 */
export function fingerprintWorld(world: DnsWorld): string {
  const enactors = world.enactors
    .map((e) => `${e.phase}:${e.plan?.generation ?? '-'}:${e.endpoint}:${e.lockSeen ?? '-'}:${e.rootSeen ?? '-'}:${e.rootSetExists ? 1 : 0}:${e.lastApplied}:${e.lastAttempted}`)
    .join('|');
  return `${world.planner.published}#${world.operator.next}${world.operator.automationOff ? '!' : ''}#${world.plans.generations().join(',')}#${enactors}#${world.route53.fingerprint()}`;
}

/** One int for the operators: their next action and two flags that change what they do next. */
export function operatorCode(world: DnsWorld): number {
  return world.operator.next * 4 + (world.operator.repaired ? 2 : 0) + (world.operator.automationOff ? 1 : 0);
}
