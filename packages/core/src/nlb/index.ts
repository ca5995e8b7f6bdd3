export { NLB_TICK_MS, validateNlbScenario } from './config.ts';
export type { AzFailure, ClientConfig, DelayPoint, FailoverConfig, HealthCheckConfig, NetworkConfig, NlbScenario, RateStep, TimeRange } from './config.ts';
export { noVelocityControl, type AzStatus, type FailoverInput, type FailoverPolicy, type FailoverPolicyFactory } from './policy.ts';
export type { DnsChange } from './failover.ts';
export { summarizeNlb, type NlbSample, type NlbSummary } from './metrics.ts';
export { runNlbScenario, type NlbRun, type NlbRunOptions } from './run.ts';
export { calmNlb, october2025Nlb } from './scenarios.ts';
