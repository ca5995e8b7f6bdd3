import { DNS_SAFETY_INVARIANTS } from '@outage-lab/core/judge';

/** Part B handed back: the core's own invariants, re-exported. */
export { regionalEndpointResolves, generationNeverRegresses, activePlanExists } from '@outage-lab/core/judge';
export const myInvariants = DNS_SAFETY_INVARIANTS;
