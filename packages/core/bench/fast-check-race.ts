import fc from 'fast-check';

/**
 * The October race written the way a fast-check user would write it: the Planner and two
 * DNS Enactors as async tasks, every atomic step behind `await s.schedule(...)`, over a
 * tiny Route 53. It mirrors the core's small-scope configuration (2 Enactors, 5 plans,
 * clean-up threshold 2, one endpoint, locks that expire at once, zero latencies) step
 * for step, so the two explorers search the same interleavings and can be compared.
 * Simplifications: a plan set is one record (`plan-<gen>`) instead of one leaf per load
 * balancer, since only whether the set exists matters to the race; and the plan store is
 * just its newest generation, the only plan an Enactor reads, which clean-up never deletes.
 * test/bench/fast-check-race.test.ts replays the core's random schedules in this model and
 * checks that both empty the endpoint on exactly the same ones.
 */

const ENACTORS = ['enactor-az1', 'enactor-az2'] as const;
const FIRST_GENERATION = 1;
const PLANS = 5;
const CLEANUP_THRESHOLD = 2;

type Action = 'CREATE' | 'DELETE' | 'UPSERT';
interface Change {
  readonly action: Action;
  readonly name: string;
  readonly value: string;
}

/** Record names: the endpoint's root ALIAS, its rollback ALIAS, its lock TXT, and one name per plan set. */
const ROOT = 'dynamodb.us-east-1.amazonaws.com';
const ROLLBACK = `_rollback.${ROOT}`;
const LOCK = `_lock.${ROOT}`;
const ALIASES = new Set([ROOT, ROLLBACK]);
const setName = (generation: number): string => `plan-${generation}`;
const generationOf = (set: string): number => Number(set.slice('plan-'.length));

/** A hosted zone with the rules the race depends on: all-or-nothing batches, exact DELETEs, no ALIAS to a missing name. */
class TinyRoute53 {
  records = new Map<string, string>();

  /** Returns -1 when the batch committed, or the index of the change that rejected it. */
  change(changes: readonly Change[]): number {
    const next = new Map(this.records);
    for (let i = 0; i < changes.length; i++) {
      const { action, name, value } = changes[i] as Change;
      const existing = next.get(name);
      if (action === 'CREATE' && existing !== undefined) return i;
      if (action === 'DELETE') {
        if (existing !== value) return i;
        next.delete(name);
        continue;
      }
      if (ALIASES.has(name) && !next.has(value)) return i;
      next.set(name, value);
    }
    this.records = next;
    return -1;
  }
}

/** What a run needs of fast-check's scheduler, so the test can drive the model with a replayed schedule. */
export type RaceScheduler = Pick<fc.Scheduler, 'schedule' | 'waitFor'>;

/** Everything the tasks share; `emptied` is set the first time the regional endpoint answers nothing. */
class RaceWorld {
  readonly route53 = new TinyRoute53();
  newest = FIRST_GENERATION;
  plannerDone = false;
  emptied: string | null = null;
  #waiting: (() => void)[] = [];

  constructor() {
    this.route53.change([
      { action: 'CREATE', name: setName(FIRST_GENERATION), value: '198.51.100.1' },
      { action: 'CREATE', name: ROOT, value: setName(FIRST_GENERATION) },
      { action: 'CREATE', name: ROLLBACK, value: setName(FIRST_GENERATION) },
    ]);
  }

  activeGeneration(): number {
    return generationOf(this.route53.records.get(ROOT) ?? setName(0));
  }

  /** The invariant, checked after every atomic step like the core checks its safety invariants. */
  observe(step: string): void {
    const root = this.route53.records.get(ROOT);
    if (this.emptied === null && (root === undefined || !this.route53.records.has(root))) {
      this.emptied = `after "${step}" ${ROOT} answers nothing: its root ALIAS points at ${root ?? 'nothing'}, which no longer exists`;
    }
  }

  /** Resolves when the Planner publishes or stops, so an idle Enactor takes no step until then (as in the core). */
  nextPlan(): Promise<void> {
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  wakeEnactors(): void {
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const wake of waiting) wake();
  }
}

async function planner(s: RaceScheduler, world: RaceWorld): Promise<void> {
  for (let i = 1; i < PLANS; i++) {
    // Publishing a plan is one atomic step of the core's Planner actor.
    await s.schedule(Promise.resolve(), 'P publish');
    world.newest++;
    world.observe(`P publish gen ${world.newest}`);
    world.wakeEnactors();
  }
  world.plannerDone = true;
  world.wakeEnactors();
}

async function enactor(s: RaceScheduler, world: RaceWorld, id: string): Promise<void> {
  const code = `a${id.slice(-1)}`;
  // The first plan is already applied when the run starts, as in the core's initial world.
  let lastAttempted = FIRST_GENERATION;
  for (;;) {
    if (world.newest <= lastAttempted) {
      if (world.plannerDone) return;
      await world.nextPlan();
      continue;
    }
    // The one-time freshness check is its own step: the Planner and the other Enactor may
    // move between it and everything that follows, which is the whole race.
    await s.schedule(Promise.resolve(), `${code} check freshness`);
    const generation = world.newest;
    lastAttempted = generation;
    world.observe(`${code} check gen ${generation}`);
    if (generation <= world.activeGeneration()) continue;

    let committed = false;
    for (;;) {
      // Reading the lock and root and writing the batch are separate Route 53 calls, so
      // another Enactor can write in between; the batch's exact DELETE of the lock then
      // fails, unless the lock came back to the value read. Locks expire at once in the
      // small scope, so reading always finds the lock free.
      await s.schedule(Promise.resolve(), `${code} take lock`);
      const lockSeen = world.route53.records.get(LOCK);
      const rootSeen = world.route53.records.get(ROOT);
      world.observe(`${code} take lock`);
      // Applying is one all-or-nothing batch: lock, the plan's set, root and rollback ALIASes.
      await s.schedule(Promise.resolve(), `${code} apply`);
      const lock: Change[] = [
        ...(lockSeen === undefined ? [] : [{ action: 'DELETE' as const, name: LOCK, value: lockSeen }]),
        { action: 'CREATE', name: LOCK, value: `holder=${id};expires=0` },
      ];
      // The batch is built from what the read saw; it cannot look at the zone again.
      const set = setName(generation);
      const rejected = world.route53.change([
        ...lock,
        { action: 'UPSERT', name: set, value: `198.51.100.${generation}` },
        { action: 'UPSERT', name: ROOT, value: set },
        { action: 'UPSERT', name: ROLLBACK, value: rootSeen ?? set },
      ]);
      world.observe(`${code} apply gen ${generation}`);
      if (rejected === -1) committed = true;
      // Losing the lock means trying again; any other rejection (the rollback ALIAS's
      // target is gone: the wedge) means giving up on this plan.
      if (rejected === -1 || rejected >= lock.length) break;
    }
    if (!committed) continue;

    // Clean-up is a separate step after the whole plan is applied, trusting the Enactor's
    // memory of what it applied rather than what Route 53 serves now.
    await s.schedule(Promise.resolve(), `${code} clean up`);
    const cutoff = generation - CLEANUP_THRESHOLD;
    const doomed = [...world.route53.records].filter(([name]) => name.startsWith('plan-') && generationOf(name) < cutoff);
    world.route53.change(doomed.map(([name, value]) => ({ action: 'DELETE', name, value })));
    world.observe(`${code} clean up below gen ${cutoff}`);
  }
}

/** Runs one schedule chosen by `s` to the end; returns how the endpoint emptied, or null. */
export async function runRace(s: RaceScheduler): Promise<string | null> {
  const world = new RaceWorld();
  const tasks = Promise.all([planner(s, world), ...ENACTORS.map((id) => enactor(s, world, id))]);
  await s.waitFor(tasks);
  return world.emptied;
}

/** The property "the regional endpoint always answers": false on the schedule that empties it. */
export const regionalEndpointAlwaysAnswers = fc.asyncProperty(fc.scheduler(), async (s) => (await runRace(s)) === null);
