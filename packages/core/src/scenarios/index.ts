export * from './dns-scenario.ts';
export * from './dns-scenarios.ts';
