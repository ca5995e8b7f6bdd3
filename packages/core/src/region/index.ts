// The Region: the DNS model, DynamoDB's clients, DWFM and Network Manager, and the NLB,
// composed into one night, with the operators at the Region's times and the lessons'
// fixes passed in. Entry points: runRegion(october2025Region, { fixes }), runVariants for
// what each fix buys, detectRegionPhases and compareRegionPhases for the calibration, and
// the charts for the replay report and the cascade deck.
export { validateRegionConfig, type RegionConfig, type DynamoClientsConfig, type RegionOperators, type NlbFleetConfig, type NlbTier } from './config.ts';
export type { NlbFleetNight, NlbTierNight } from './nlb-night.ts';
export { NOT_MODELLED } from './not-modelled.ts';
export { FIX_NAMES, FIX_LABELS, fixNames, pickFixes, type FixName, type RegionFixes } from './fixes.ts';
export { runRegion, type RegionMinute, type RegionNight, type RegionRunOptions, type RegionStage } from './run.ts';
export type { RegionEvent } from './events.ts';
export type { DnsNight } from './dns-night.ts';
export { REGION_SERVICES, impactMinutes, type ImpactMinutes, type RegionService, type ServiceImpact } from './impact.ts';
export {
  AWS_REGION_PHASES,
  REGION_PHASE_NAMES,
  DYNAMO_ERROR_MARK,
  NLB_ERROR_MARK,
  detectRegionPhases,
  compareRegionPhases,
  type RegionPhaseName,
  type RegionPhases,
  type RegionPhaseComparison,
} from './phases.ts';
export { REGION_PHASE_BASIS, summarizeCalibration, formatCalibratedPhases, formatPhaseBasisMarkdown, type EdgeBasis, type PhaseBasis, type NamedMiss, type CalibrationSummary } from './calibration.ts';
export {
  DEPENDENT_SERVICES,
  dependentWindows,
  compareDependents,
  formatDependents,
  formatWindow,
  dependentWindowsByNight,
  type DependentName,
  type DependentService,
  type DependentComparison,
  type ImpactWindow,
} from './dependents.ts';
export {
  SENSITIVITY_PARAMETERS,
  sensitivitySweep,
  mostMoved,
  drawSensitivityTornado,
  formatSensitivity,
  type SensitivityParameter,
  type SensitivityRow,
} from './sensitivity.ts';
export { AS_IT_HAPPENED, STANDARD_VARIANTS, variantOf, runVariants, formatImpactTable, type RegionVariant, type VariantOutcome } from './variants.ts';
export { drawRegionNight, drawVariantImpact, drawCumulativeImpact, drawDependents } from './charts.ts';
