export * from './dns-scenario.ts';
export { happyPath, october2025Exploration, smallScope, smallScopeConfig } from './dns-scenarios.ts';
