import type { Endpoint } from './config.ts';
import { generationOfSet, rollbackName } from './records.ts';
import type { Route53 } from './route53.ts';
import { isSharedState, type DnsWorld, type EnactorState } from './world.ts';

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

const indexes = new WeakMap<readonly Endpoint[], Map<string, number>>();

/**
 * Observations are taken after every step, so an endpoint's view is rebuilt only when a
 * batch since the last observation touched one of its records. The views live on the zone
 * (`Route53.remember`), and a copy of a zone starts with its original's: the exhaustive
 * search observes every successor, and most steps touch no endpoint or one.
 */
export function observeDns(world: DnsWorld, now: number): DnsObservation {
  const zone = world.route53;
  const endpoints = world.config.endpoints;
  const known = zone.memo;
  const since = zone.memoVersion;
  let views: readonly EndpointView[];
  if (!isViews(known, endpoints.length) || since < 0) {
    views = endpoints.map((e) => viewEndpoint(zone, e));
  } else if (since === zone.version) {
    views = known;
  } else {
    const index = endpointIndex(endpoints);
    let fresh: EndpointView[] | null = null;
    for (const batch of zone.changedSince(since)) {
      for (const name of batch) {
        const i = index.get(endpointOf(name));
        if (i === undefined) continue;
        fresh ??= [...known];
        fresh[i] = viewEndpoint(zone, endpoints[i] as Endpoint);
      }
    }
    views = fresh ?? known;
  }
  if (views !== known || since !== zone.version) zone.remember(views);
  return {
    time: now,
    newestGeneration: world.plans.newestGeneration,
    plannerDone: world.planner.published >= world.planner.limit,
    endpoints: views,
    enactors: world.enactors.map(enactorView),
  };
}

// A shared Enactor state never changes, and the exhaustive search decodes every world's
// Enactors to the same few interned states: each one keeps its view, built once, in a
// property that copying the state (`ownState`'s spread) leaves behind.
const VIEW = Symbol('enactor view');

function enactorView(e: EnactorState): EnactorView {
  const known = (e as { readonly [VIEW]?: EnactorView })[VIEW];
  if (known !== undefined) return known;
  const view = { id: e.id, phase: e.phase, generation: e.plan?.generation ?? null, lastApplied: e.lastApplied };
  if (isSharedState(e)) Object.defineProperty(e, VIEW, { value: view });
  return view;
}

/** Whether a zone's memo is this module's: one view per endpoint. */
function isViews(memo: unknown, endpoints: number): memo is readonly EndpointView[] {
  return Array.isArray(memo) && memo.length === endpoints;
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
