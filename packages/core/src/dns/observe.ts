import type { Endpoint } from './config.ts';
import { generationOfSet, rollbackName } from './records.ts';
import type { Route53 } from './route53.ts';
import type { DnsWorld } from './world.ts';

/** What a resolver, an operator's dashboard or an invariant can see of one endpoint. */
export interface EndpointView {
  readonly name: string;
  readonly type: 'A' | 'AAAA';
  /** Generation of the set the root ALIAS points at; null when there is no root ALIAS. */
  readonly activeGeneration: number | null;
  /** Whether the root ALIAS's target exists in the zone. */
  readonly activeSetExists: boolean;
  /** The addresses a resolver gets: [] is NOERROR with no answers. */
  readonly answers: readonly string[];
  readonly rollbackGeneration: number | null;
}

export interface EnactorView {
  readonly id: string;
  readonly phase: string;
  readonly generation: number | null;
  readonly lastApplied: number;
}

/** The observable state of the DNS system at one instant. */
export interface DnsObservation {
  readonly time: number;
  /** Newest generation the Planner has published. */
  readonly newestGeneration: number;
  /** Whether the Planner has published its last plan of the run (disturbances are over). */
  readonly plannerDone: boolean;
  readonly endpoints: readonly EndpointView[];
  readonly enactors: readonly EnactorView[];
}

interface Cached {
  readonly zone: Route53;
  readonly version: number;
  readonly views: readonly EndpointView[];
}

/**
 * Observations are taken after every step, so an endpoint's view is rebuilt only when a
 * batch since the last observation touched one of its records. The cache holds the few
 * worlds observed last, not every world: the exhaustive search observes millions of
 * short-lived worlds, and a WeakMap entry for each made garbage collection cost more
 * than the search itself.
 */
const CACHED_WORLDS = 4;
const cachedWorlds: (DnsWorld | undefined)[] = new Array<DnsWorld | undefined>(CACHED_WORLDS).fill(undefined);
const cachedEntries: (Cached | undefined)[] = new Array<Cached | undefined>(CACHED_WORLDS).fill(undefined);
const cache = {
  get(world: DnsWorld): Cached | undefined {
    for (let i = 0; i < CACHED_WORLDS; i++) {
      if (cachedWorlds[i] !== world) continue;
      const entry = cachedEntries[i];
      if (i > 0 && entry !== undefined) this.set(world, entry);
      return entry;
    }
    return undefined;
  },
  /** Puts `world` first, dropping the least recently used one. */
  set(world: DnsWorld, entry: Cached): void {
    let i = cachedWorlds.indexOf(world);
    if (i < 0) i = CACHED_WORLDS - 1;
    for (; i > 0; i--) {
      cachedWorlds[i] = cachedWorlds[i - 1];
      cachedEntries[i] = cachedEntries[i - 1];
    }
    cachedWorlds[0] = world;
    cachedEntries[0] = entry;
  },
};

const indexes = new WeakMap<readonly Endpoint[], Map<string, number>>();

export function observeDns(world: DnsWorld, now: number): DnsObservation {
  const zone = world.route53;
  const endpoints = world.config.endpoints;
  const previous = cache.get(world);
  let views: readonly EndpointView[];
  if (previous === undefined || previous.zone !== zone) {
    views = endpoints.map((e) => viewEndpoint(zone, e));
  } else if (previous.version === zone.version) {
    views = previous.views;
  } else {
    const index = endpointIndex(endpoints);
    let fresh: EndpointView[] | null = null;
    for (const batch of zone.changedSince(previous.version)) {
      for (const name of batch) {
        const i = index.get(endpointOf(name));
        if (i === undefined) continue;
        fresh ??= [...previous.views];
        fresh[i] = viewEndpoint(zone, endpoints[i] as Endpoint);
      }
    }
    views = fresh ?? previous.views;
  }
  cache.set(world, { zone, version: zone.version, views });
  return {
    time: now,
    newestGeneration: world.plans.newestGeneration,
    plannerDone: world.planner.published >= world.planner.limit,
    endpoints: views,
    enactors: world.enactors.map((e) => ({ id: e.id, phase: e.phase, generation: e.plan?.generation ?? null, lastApplied: e.lastApplied })),
  };
}

/**
 * A clone starts where its original's observation is: the exhaustive search observes
 * each successor, and most steps touch no endpoint or one, so only those views are rebuilt.
 */
export function inheritObservation(from: DnsWorld, to: DnsWorld): void {
  const previous = cache.get(from);
  if (previous === undefined || previous.zone !== from.route53 || previous.version !== from.route53.version) return;
  cache.set(to, { zone: to.route53, version: to.route53.version, views: previous.views });
}

/** The endpoint a record name belongs to: `plan-110.x`, `_rollback.x` and `_lock.x` all belong to `x`. */
function endpointOf(name: string): string {
  return name.startsWith('plan-') || name.startsWith('_') ? name.slice(name.indexOf('.') + 1) : name;
}

function endpointIndex(endpoints: readonly Endpoint[]): Map<string, number> {
  let index = indexes.get(endpoints);
  if (index === undefined) {
    index = new Map(endpoints.map((e, i) => [e.name, i]));
    indexes.set(endpoints, index);
  }
  return index;
}

function viewEndpoint(zone: Route53, e: Endpoint): EndpointView {
  const target = zone.get(e.name, 'ALIAS')?.value;
  const rollback = zone.get(rollbackName(e.name), 'ALIAS')?.value;
  return {
    name: e.name,
    type: e.type,
    activeGeneration: target === undefined ? null : generationOfSet(target),
    activeSetExists: target !== undefined && zone.exists(target),
    answers: zone.resolve(e.name, e.type),
    rollbackGeneration: rollback === undefined ? null : generationOfSet(rollback),
  };
}
