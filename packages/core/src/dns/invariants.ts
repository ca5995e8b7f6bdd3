import type { Invariant } from '../sim/model.ts';
import { formatClock } from '../sim/clock.ts';
import { REGIONAL_ENDPOINT } from './config.ts';
import type { DnsObservation } from './observe.ts';

/** The regional endpoint always answers at least one address. */
export const regionalEndpointResolves: Invariant<DnsObservation> = {
  name: 'regional-endpoint-resolves',
  description: `${REGIONAL_ENDPOINT} always answers at least one address`,
  kind: 'safety',
  check(now) {
    const regional = now.endpoints.find((e) => e.name === REGIONAL_ENDPOINT);
    if (regional === undefined || regional.answers.length > 0) return null;
    return `${REGIONAL_ENDPOINT} answers NOERROR with no addresses: its root ALIAS points at gen ${regional.activeGeneration ?? 'none'}, whose record set ${regional.activeSetExists ? 'is empty' : 'no longer exists'}`;
  },
};

/** An endpoint never goes back to an older generation. */
export const generationNeverRegresses: Invariant<DnsObservation> = {
  name: 'generation-never-regresses',
  description: 'no endpoint ever moves to an older plan generation',
  kind: 'safety',
  check(now, before) {
    if (before === null) return null;
    for (let i = 0; i < now.endpoints.length; i++) {
      const was = before.endpoints[i]?.activeGeneration ?? null;
      const is = now.endpoints[i]?.activeGeneration ?? null;
      if (was !== null && is !== null && is < was) {
        return `${now.endpoints[i]?.name} went back from gen ${was} to gen ${is}: a stale plan overwrote a newer one`;
      }
    }
    return null;
  },
};

/** Every root ALIAS points at a record set that exists. */
export const activePlanExists: Invariant<DnsObservation> = {
  name: 'active-plan-exists',
  description: "every endpoint's root ALIAS target exists",
  kind: 'safety',
  check(now) {
    const broken = now.endpoints.filter((e) => e.activeGeneration !== null && !e.activeSetExists);
    if (broken.length === 0) return null;
    return `the active plan set of ${broken.map((e) => `${e.name} (gen ${e.activeGeneration})`).join(', ')} was deleted while in use`;
  },
};

/**
 * Liveness: once the Planner has stopped, every endpoint reaches the newest generation.
 * Checked when the run ends; scenarios end their runs a bounded time after the last plan.
 */
export const newestPlanApplied: Invariant<DnsObservation> = {
  name: 'newest-plan-applied',
  description: 'once disturbances stop, every endpoint reaches the newest generation within a bound',
  kind: 'liveness',
  check(now) {
    if (!now.plannerDone) return null;
    const behind = now.endpoints.filter((e) => e.activeGeneration !== now.newestGeneration || !e.activeSetExists);
    if (behind.length === 0) return null;
    const first = behind[0];
    return `at ${formatClock(now.time)} ${behind.length} of ${now.endpoints.length} endpoints are not serving the newest gen ${now.newestGeneration} (${first?.name} is on gen ${first?.activeGeneration ?? 'none'}${first?.activeSetExists === false ? ', deleted' : ''})`;
  },
};

export const DNS_SAFETY_INVARIANTS: readonly Invariant<DnsObservation>[] = [regionalEndpointResolves, generationNeverRegresses, activePlanExists];
export const DNS_INVARIANTS: readonly Invariant<DnsObservation>[] = [...DNS_SAFETY_INVARIANTS, newestPlanApplied];
