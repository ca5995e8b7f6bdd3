export * from './dns-scenario.ts';
export * from './dns-scenarios.ts';
export { REAL_SCOPE, dnsSearch, type DnsScope, type DnsSearchArgs } from './dns-search.ts';
