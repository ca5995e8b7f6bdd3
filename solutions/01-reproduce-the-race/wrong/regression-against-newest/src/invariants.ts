import type { DnsObservation, Invariant } from '@outage-lab/core';

export const REGIONAL = 'dynamodb.us-east-1.amazonaws.com';

export const regionalEndpointResolves: Invariant<DnsObservation> = {
  name: 'regional-endpoint-resolves',
  description: `${REGIONAL} always answers at least one address`,
  kind: 'safety',
  check(now) {
    const regional = now.endpoints.find((e) => e.name === REGIONAL);
    if (regional === undefined || regional.answers.length > 0) return null;
    return `${REGIONAL} answers NOERROR with no addresses (root ALIAS → gen ${regional.activeGeneration ?? 'none'})`;
  },
};

export const generationNeverRegresses: Invariant<DnsObservation> = {
  name: 'generation-never-regresses',
  description: 'no endpoint ever moves to an older plan generation',
  kind: 'safety',
  check(now, before) {
    const behind = now.endpoints.find((e) => e.activeGeneration !== null && e.activeGeneration < now.newestGeneration);
    return behind === undefined ? null : `${behind.name} serves gen ${behind.activeGeneration}, older than the newest gen ${now.newestGeneration}`;
  },
};

export const activePlanExists: Invariant<DnsObservation> = {
  name: 'active-plan-exists',
  description: "every endpoint's root ALIAS points at a record set that exists",
  kind: 'safety',
  check(now) {
    const broken = now.endpoints.find((e) => e.activeGeneration !== null && !e.activeSetExists);
    return broken === undefined ? null : `${broken.name} points at gen ${broken.activeGeneration}, whose record set was deleted`;
  },
};

/** The invariants the explorer checks after every step. */
export const myInvariants: readonly Invariant<DnsObservation>[] = [regionalEndpointResolves, generationNeverRegresses, activePlanExists];
