export * from './dns-scenario.ts';
export { happyPath, october2025Exploration, smallScope, smallScopeConfig } from './dns-scenarios.ts';
export { REAL_SCOPE, dnsSearch, type DnsScope, type DnsSearchArgs } from './dns-search.ts';
