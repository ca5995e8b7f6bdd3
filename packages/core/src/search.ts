/**
 * `@outage-lab/core/search`: the exhaustive DNS search as instructor tools run it (the
 * explore command, the bench). Off the main entry point for two reasons: `dnsSearch`
 * hands out the DNS invariants (a lesson's answer, see `./judge`), and the parallel
 * search starts worker threads, which only Node has.
 */
export { REAL_SCOPE, dnsSearch, dnsSearchRecipe, type DnsScope, type DnsSearchArgs } from './scenarios/dns-search.ts';
export { exploreInParallel, type ModelRecipe, type ParallelOptions, type SearchWatch, type Searchable, type WorkerStep } from './sim/parallel.ts';
export type { ExhaustiveProgress } from './sim/exhaustive.ts';
export { omissionProbability } from './sim/state-store.ts';
