// The NLB model: one Network Load Balancer on 20 October 2025. Health checks that slow
// down with the checks in flight, new instances that flap while their network state
// propagates, automatic AZ DNS failover with a pluggable policy (the velocity control of
// lesson 03 plugs in here), Route 53 fail-open, and what clients see through DNS caching.
// Entry points: runNlbScenario(scenario, { seed, policy, propagationDelay }), the
// scenarios calmNlb and october2025Nlb (in ../scenarios/), and summarizeNlb for a window of a run.
export { NLB_TICK_MS, validateNlbScenario } from './config.ts';
export type { AzFailure, ClientConfig, DelayPoint, FailoverConfig, HealthCheckConfig, NetworkConfig, NlbScenario, RateStep, TimeRange } from './config.ts';
export { noVelocityControl, type AzStatus, type FailoverInput, type FailoverPolicy, type FailoverPolicyFactory } from './policy.ts';
export type { DnsChange } from './failover.ts';
export { summarizeNlb, type NlbSample, type NlbSummary } from './metrics.ts';
export { runNlbScenario, startNlbRun, type NlbRun, type NlbRunInProgress, type NlbRunOptions } from './run.ts';
