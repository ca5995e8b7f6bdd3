import { formatDuration } from '../sim/clock.ts';
import type { Outcome, StepContext } from '../sim/model.ts';
import { Rng } from '../sim/rng.ts';
import type { DnsConfig, Endpoint } from './config.ts';
import type { Plan, PlanTarget } from './plan-store.ts';
import { alias, generationOfSet, lockName, planSetName, rollbackName, txt, type Change, type ResourceRecord } from './records.ts';
import type { DnsWorld, EnactorState } from './world.ts';

import { createRecord, deleteRecord, upsertRecord } from './changes.ts';

export { createRecord, deleteRecord, upsertRecord };

/**
 * The parts of an Enactor that are plumbing rather than the algorithm: lock values,
 * back-off, latency, fault points and record building. Lesson 02's Enactor imports them,
 * so the file a learner edits holds only the decisions.
 */

/** The part of the world the plumbing needs: read steps and batch steps both have it. */
export interface EnactorEnv {
  readonly config: DnsConfig;
}

export interface Lock {
  readonly holder: string;
  readonly expiresAt: number;
}

export function lockValue(holder: string, expiresAt: number): string {
  return `holder=${holder};expires=${expiresAt}`;
}

export function parseLock(value: string): Lock | null {
  const m = /^holder=([^;]+);expires=(\d+(?:\.\d+)?)$/.exec(value);
  return m === null ? null : { holder: m[1] as string, expiresAt: Number(m[2]) };
}

/** The endpoint the Enactor is on. */
export function currentEndpoint(world: EnactorEnv, me: EnactorState): Endpoint | undefined {
  return world.config.endpoints[me.endpoint];
}

/** How long a Route 53 call takes for this Enactor now (the `enactor.api-latency` fault point). */
export function apiLatency(world: EnactorEnv, me: EnactorState, ctx: StepContext): number {
  const slow = world.config.faults.find(
    (f) => f.point === 'enactor.api-latency' && f.enactor === me.az && ctx.now >= f.from && ctx.now < f.until,
  );
  const mean = slow !== undefined && slow.point === 'enactor.api-latency' ? slow.latencyMs : world.config.apiLatencyMs;
  return ctx.rng.jitter(mean, world.config.latencyJitter);
}

/**
 * Whether the `enactor.lock` fault point makes this acquisition fail: every one in the
 * window, or each with the fault's `chance` (drawn from the run's PRNG, so a seed fixes
 * which attempts fail).
 */
export function lockFaultActive(world: DnsWorld, me: EnactorState, ctx: Pick<StepContext, 'now' | 'rng'>): boolean {
  const endpoint = currentEndpoint(world, me)?.name ?? '';
  const now = ctx.now;
  for (const f of world.config.faults) {
    if (f.point !== 'enactor.lock' || f.enactor !== me.az || now < f.from || now >= f.until) continue;
    if (f.endpoints !== undefined && !f.endpoints.includes(endpoint)) continue;
    if (f.share !== undefined && !endpointAffected(world, me, f.share)) continue;
    if (f.chance === undefined || f.chance >= 1 || ctx.rng.chance(f.chance)) return true;
  }
  return false;
}

/**
 * Whether a `share` fault touches the endpoint the Enactor is on, for the plan it is
 * applying: drawn from its own stream (seed, plan, endpoint, AZ), so the answer is the same
 * on every retry and does not depend on how many draws the run made before.
 */
function endpointAffected(world: DnsWorld, me: EnactorState, share: number): boolean {
  const azIndex = world.config.enactors.indexOf(me.az);
  return Rng.derive(world.seed, LOCK_SHARE_STREAM, me.plan?.generation ?? 0, me.endpoint, azIndex).chance(share);
}

/** Keeps the `share` draws apart from the plans' (which derive from the seed and a generation). */
const LOCK_SHARE_STREAM = 0x10c4;

/**
 * The read step's common part, one Route 53 read: fails (with a back-off) when the
 * `enactor.lock` fault is active or another Enactor holds an unexpired lock; otherwise
 * remembers what the batch will depend on (the lock value its DELETE must match, and the
 * root ALIAS with its target) and returns null.
 */
export function tryLock(world: DnsWorld, me: EnactorState, endpoint: Endpoint, ctx: StepContext): Outcome | null {
  if (lockFaultActive(world, me, ctx)) {
    me.attempts++;
    // The failed acquisition was a Route 53 call too: it took its latency before the back-off.
    const wait = apiLatency(world, me, ctx) + backoff(world, me, ctx);
    return { result: `lock acquisition failed (fault enactor.lock, ${me.attempts} in a row): retry in ${formatDuration(wait)}`, ok: false, delayMs: wait };
  }
  const record = world.route53.get(lockName(endpoint.name), 'TXT');
  const lock = record === undefined ? null : parseLock(record.value);
  if (lock !== null && lock.holder !== me.id && lock.expiresAt > ctx.now) {
    me.attempts++;
    const wait = backoff(world, me, ctx);
    return { result: `held by ${lock.holder} for ${formatDuration(lock.expiresAt - ctx.now)}: back off ${formatDuration(wait)}`, ok: false, delayMs: wait };
  }
  me.lockSeen = record?.value ?? null;
  me.rootSeen = world.route53.get(endpoint.name, 'ALIAS')?.value ?? null;
  me.rootSetExists = me.rootSeen !== null && world.route53.exists(me.rootSeen);
  return null;
}

/** A batch lost a race for the lock or the record it depended on: read again after a back-off. */
export function retryAfterBackoff(world: EnactorEnv, me: EnactorState, ctx: StepContext, why: string): Outcome {
  me.attempts++;
  me.phase = 'lock';
  const wait = backoff(world, me, ctx);
  return { result: `${why}: back off ${formatDuration(wait)}`, ok: false, delayMs: wait };
}

/** Give up on the plan being applied and go back to waiting for a newer one. */
export function abandonPlan(world: EnactorEnv, me: EnactorState, ctx: StepContext, result: string, ok: boolean): Outcome {
  me.phase = 'idle';
  me.plan = null;
  me.attempts = 0;
  return { result, ok, delayMs: apiLatency(world, me, ctx) };
}

/** The endpoint is done: on to the next one, or to clean-up after the last. */
export function nextEndpoint(world: EnactorEnv, me: EnactorState, ctx: StepContext, result: string): Outcome {
  me.attempts = 0;
  me.endpoint++;
  me.phase = me.endpoint < world.config.endpoints.length ? 'lock' : 'cleanup';
  return { result, ok: true, delayMs: apiLatency(world, me, ctx) };
}

/** Capped exponential back-off with jitter: base × 2^(attempts−1), at most the cap. */
export function backoff(world: EnactorEnv, me: EnactorState, ctx: StepContext): number {
  const { backoffBaseMs, backoffCapMs, latencyJitter } = world.config;
  const raw = Math.min(backoffCapMs, backoffBaseMs * 2 ** Math.min(30, Math.max(0, me.attempts - 1)));
  return ctx.rng.jitter(raw, latencyJitter);
}

/** The load balancers a plan gives an endpoint; none when its entry is empty (an incorrect plan). */
export function planTargets(plan: Plan, endpoint: Endpoint): readonly PlanTarget[] {
  return plan.entries[endpoint.planKey] ?? [];
}

/** The leaf records of one endpoint's set for a plan: one per load balancer. */
export function leafRecords(endpoint: Endpoint, setName: string, plan: Plan): ResourceRecord[] {
  return planTargets(plan, endpoint).map((t) => ({
    name: setName,
    type: endpoint.type,
    setId: t.lb,
    weight: t.weight,
    value: endpoint.type === 'A' ? t.ipv4 : t.ipv6,
  }));
}

/**
 * The lock part of a batch: delete the lock record with exactly the value we read (so
 * the batch fails if anyone took it since) and create our own.
 */
export function lockChanges(endpoint: Endpoint, me: EnactorState, now: number, ttlMs: number): Change[] {
  const name = lockName(endpoint.name);
  const take = createRecord(txt(name, lockValue(me.id, now + ttlMs)));
  return me.lockSeen === null ? [take] : [deleteRecord(txt(name, me.lockSeen)), take];
}

/**
 * The plan part of a batch, built from what the read step saw: a complete new set for
 * this plan, the root ALIAS pointing at it, and the rollback ALIAS pointing at the set the
 * root pointed at when it was read. Nothing here is conditional on the root: whatever
 * happened since the read, the batch overwrites it.
 */
export function planChanges(endpoint: Endpoint, plan: Plan, me: EnactorState): Change[] {
  const set = planSetName(endpoint.name, plan.generation);
  return [
    ...leafRecords(endpoint, set, plan).map(upsertRecord),
    upsertRecord(alias(endpoint.name, set)),
    upsertRecord(alias(rollbackName(endpoint.name), me.rootSeen ?? set)),
  ];
}

/** The generation an endpoint's root ALIAS points at now, or null. */
export function activeGeneration(world: DnsWorld, endpointName: string): number | null {
  const target = world.route53.get(endpointName, 'ALIAS')?.value;
  return target === undefined ? null : generationOfSet(target);
}

/** The record changes that delete every plan set older than `cutoff`. */
export function deleteSetsOlderThan(world: DnsWorld, cutoff: number): { changes: Change[]; sets: string[] } {
  const changes: Change[] = [];
  const sets: string[] = [];
  for (const { name, generation } of world.route53.planSets()) {
    if (generation >= cutoff) continue;
    sets.push(name);
    for (const record of world.route53.recordsAt(name)) changes.push(deleteRecord(record));
  }
  return { changes, sets };
}

/**
 * Deletes every plan set older than `cutoff` from the zone, in one batch, and returns
 * their names. Clean-up reads the zone and writes it in the same step, so the batch
 * deletes exactly what is there: Route 53 has no reason to reject it, and a rejection
 * would be a fault of the model, not a race.
 */
export function removeSetsOlderThan(world: DnsWorld, cutoff: number): string[] {
  const { changes, sets } = deleteSetsOlderThan(world, cutoff);
  if (changes.length === 0) return sets;
  const result = world.route53.changeResourceRecordSets(changes);
  if (!result.ok) throw new Error(`clean-up deletes what the same step read, yet Route 53 rejected it: ${result.reason}`);
  return sets;
}

/** Generations as a short range: `100–134`. */
export function describeGenerations(generations: readonly number[]): string {
  if (generations.length === 0) return 'none';
  const first = generations[0] as number;
  const last = generations[generations.length - 1] as number;
  return generations.length === 1 ? `${first}` : `${first}–${last}`;
}
