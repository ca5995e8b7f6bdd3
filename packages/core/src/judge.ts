/**
 * `@outage-lab/core/judge`: what the lesson tests judge with and the core's own explorer
 * checks, kept off the main entry point because each of these is a lesson's answer:
 * lesson 01 asks for the three safety invariants and a night that reproduces the race.
 * Learners' code imports `@outage-lab/core`; only tests and instructor tools import this.
 */
export {
  DNS_INVARIANTS,
  DNS_SAFETY_INVARIANTS,
  activePlanExists,
  generationNeverRegresses,
  newestPlanApplied,
  regionalEndpointResolves,
} from './dns/invariants.ts';
export { DNS_SCENARIOS, october2025 } from './scenarios/dns.ts';
