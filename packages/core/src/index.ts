// The public API, name by name: what the course, the lessons and the tests build on.
// Adding a name is a decision. What lessons are judged with (their answers) is
// @outage-lab/core/judge, off this entry; the kit lesson 02 builds on is also the subpath
// @outage-lab/core/dns/enactor-kit, the simulator @outage-lab/core/sim and the SVG
// primitives @outage-lab/core/render.

// The simulator
export { formatClock, formatDuration, formatHourMinute, HOUR, MINUTE, pdt, SECOND } from './sim/clock.ts';
export { explainFailure, formatCounterexample, type Counterexample, type CounterexampleOptions } from './sim/counterexample.ts';
export { EventQueue } from './sim/event-queue.ts';
export { exploreExhaustively, type ExhaustiveOptions, type ExhaustiveResult } from './sim/exhaustive.ts';
export { explore, type ExploreOptions, type ExploreResult } from './sim/explore.ts';
export { Kernel, type EventHandler } from './sim/kernel.ts';
export { PHASE_TOLERANCE, phasesOff, withinTolerance } from './sim/phases.ts';
export { type Actor, type Invariant, type Model, type Outcome, type StepContext, type TraceStep, type Violation } from './sim/model.ts';
export { formatReplay, parseReplay, type ReplaySpec } from './sim/replay.ts';
export { Rng } from './sim/rng.ts';
export { STREAM_NAMES, stream, streamLabel, streamSeed, type StreamName, type StreamOverrides } from './streams.ts';
export { declareStateless, forgetMemos } from './sim/memo.ts';
export { runModel, startRun, type RunEnd, type RunOptions, type RunResult, type SteppedRun } from './sim/run.ts';
export { type SchedulerSpec } from './sim/schedulers.ts';
export { shrinkSchedule, type ShrinkOptions } from './sim/shrink.ts';
export { formatTimeline, formatTimelineAround, traceHash, type AroundOptions, type TimelineOptions } from './sim/timeline.ts';

// Errors
export { check, ConfigError } from './config-error.ts';

// The DynamoDB DNS model
export {
  DEFAULT_DNS_CONFIG,
  IPV6_ENDPOINT,
  REGIONAL_ENDPOINT,
  type Az,
  type DnsConfig,
  type Endpoint,
  type Fault,
  type OperatorAction,
} from './dns/config.ts';
export {
  abandonPlan,
  activeGeneration,
  apiLatency,
  createRecord,
  currentEndpoint,
  deleteRecord,
  deleteSetsOlderThan,
  describeGenerations,
  leafRecords,
  lockChanges,
  nextEndpoint,
  planChanges,
  planTargets,
  removeSetsOlderThan,
  retryAfterBackoff,
  tryLock,
  upsertRecord,
  type Lock,
} from './dns/enactor-kit.ts';
export { EnactorSteps, type EnactorProgram } from './dns/enactor-steps.ts';
export { DnsEnactor } from './dns/enactor.ts';
export { createDnsModel, type DnsModel, type DnsModelOptions } from './dns/model.ts';
export { observeDns, type DnsObservation, type EnactorView, type EndpointView } from './dns/observe.ts';
export { operator } from './dns/operator.ts';
export { PlanStore, type Plan, type PlanTarget } from './dns/plan-store.ts';
export { raceNight, raceOdds, tallyRaceNights, wilsonInterval, type RaceNight, type RaceOdds } from './dns/race-odds.ts';
export { buildPlan, dnsPlanner } from './dns/planner.ts';
export {
  alias,
  generationOfSet,
  lockName,
  planSetName,
  rollbackName,
  txt,
  type Change,
  type ChangeAction,
  type RecordType,
  type ResourceRecord,
} from './dns/records.ts';
export { CachingResolver, timelineAuthority, type AnswerChange, type ResolverTtl } from './dns/resolver.ts';
export { Route53, type ChangeResult, type Route53Batch } from './dns/route53.ts';
export { ordinaryNight, type DnsScenario, type Duration, type When } from './dns/scenario.ts';
export { type BatchWorld, type DnsWorld, type EnactorPhase, type EnactorState } from './dns/world.ts';

// NLB
export {
  type AzFailure,
  type ClientConfig,
  type DelayPoint,
  type FailoverConfig,
  type HealthCheckConfig,
  type NetworkConfig,
  type NlbScenario,
  type RateStep,
  type TimeRange,
} from './nlb/config.ts';
export { type DnsChange } from './nlb/failover.ts';
export { summarizeNlb, type NlbSample, type NlbSummary } from './nlb/metrics.ts';
export { noVelocityControl, type AzStatus, type FailoverInput, type FailoverPolicy, type FailoverPolicyFactory } from './nlb/policy.ts';
export { runNlbScenario, startNlbRun, type NlbRun, type NlbRunInProgress, type NlbRunOptions } from './nlb/run.ts';

// EC2: DWFM and Network Manager
export { type Ec2Config, type TimeSpan } from './ec2/config.ts';
export { Dwfm, type DwfmCounters } from './ec2/dwfm.ts';
export { NetworkManager, type NetworkCounters } from './ec2/network-manager.ts';
export {
  comparePhases,
  detectEc2Phases,
  formatPhaseTable,
  type Ec2PhaseName,
  type Ec2Phases,
  type PhaseComparison,
  type PhaseInputs,
  type PhaseSpan,
} from './ec2/phases.ts';
export { runEc2Scenario, type Ec2Event, type Ec2Result, type Ec2RunOptions } from './ec2/run.ts';
export { propagationDelayAt, type Ec2Sample } from './ec2/sample.ts';
export { queueLimitThrottle, type QueueName, type QueueState, type Throttle } from './ec2/throttle.ts';

// The Region
export {
  DEPENDENT_TOLERANCE,
  formatCalibratedPhases,
  formatPhaseBasisMarkdown,
  REGION_PHASE_BASIS,
  summarizeCalibration,
  type CalibrationSummary,
  type EdgeBasis,
  type NamedMiss,
  type PhaseBasis,
} from './region/calibration.ts';
export { drawCumulativeImpact, drawDependents, drawRegionNight, drawVariantImpact } from './region/charts.ts';
export { validateRegionConfig, type DynamoClientsConfig, type NlbFleetConfig, type NlbTier, type RegionConfig, type RegionOperators } from './region/config.ts';
export { type NlbFleetNight, type NlbTierNight } from './region/nlb-night.ts';
export { NOT_MODELLED } from './region/not-modelled.ts';
export {
  AWS_RACE_AT,
  DISTRIBUTION_SEEDS,
  formatDistribution,
  nightDistribution,
  raceTime,
  seedNights,
  seedRange,
  spread,
  type NightDistribution,
  type PhaseEdges,
  type SeedNight,
  type SeedRange,
  type Spread,
} from './region/distribution.ts';
// nightDistributionOnThreads is `@outage-lab/core/distribution-threads`: it starts worker threads, which a browser bundle cannot.
export { type DnsNight } from './region/dns-night.ts';
export { type RegionEvent } from './region/events.ts';
export {
  compareDependents,
  DEPENDENT_SERVICES,
  dependentWindows,
  dependentWindowsByNight,
  formatDependents,
  formatWindow,
  type DependentComparison,
  type DependentName,
  type DependentService,
  type ImpactWindow,
} from './region/dependents.ts';
export { FIX_LABELS, FIX_NAMES, fixNames, pickFixes, type FixName, type RegionFixes } from './region/fixes.ts';
export { impactMinutes, REGION_SERVICES, type ImpactMinutes, type RegionService, type ServiceImpact } from './region/impact.ts';
export { REGION_PHASE_NAMES, compareRegionPhases, detectRegionPhases, type RegionPhaseComparison, type RegionPhaseName, type RegionPhases } from './region/phases.ts';
export {
  drawSensitivityTornado,
  formatSensitivity,
  mostMoved,
  SENSITIVITY_PARAMETERS,
  sensitivitySweep,
  type SensitivityParameter,
  type SensitivityRow,
} from './region/sensitivity.ts';
export { runRegion, type RegionMinute, type RegionNight, type RegionRunOptions, type RegionStage } from './region/run.ts';
export {
  AS_IT_HAPPENED,
  formatImpactTable,
  runVariants,
  STANDARD_VARIANTS,
  variantOf,
  type RegionVariant,
  type VariantOutcome,
} from './region/variants.ts';

// Every model's scenarios
export { happyPath, october2025Exploration, smallScope, smallScopeConfig } from './scenarios/dns.ts';
export { october2025Ec2 } from './scenarios/ec2.ts';
export { calmNlb, october2025Nlb } from './scenarios/nlb.ts';
export { october2025Region } from './scenarios/region.ts';

// Diagrams
export { describeDiagram, diagramNames, simDiagram, type DiagramEntry } from './diagrams/registry.ts';
// The same charts for any run, such as the slides' knobs' runs with a setting changed
export { drawDwfmGoodputRun } from './diagrams/dwfm-goodput.ts';
export { drawNlbCapacityRun } from './diagrams/nlb-capacity.ts';

// SVG
export { escapeXml } from './render/svg/escape.ts';
export { type ChartMarker, type ChartSeries, type LineChart } from './render/svg/line-chart.ts';
export { type Tone } from './render/svg/palette.ts';
export { type SequenceDiagram, type SequenceLane, type SequenceMark, type SequenceMessage } from './render/svg/sequence.ts';
