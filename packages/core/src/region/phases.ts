import { AWS_EC2_PHASES, type Ec2PhaseName } from '../ec2/phases.ts';
import { pdt } from '../sim/clock.ts';
import { comparePhaseSpans, type PhaseComparison, type PhaseSpan } from '../sim/phases.ts';
import { emptySpans } from './dns-night.ts';
import { DYNAMO_ERROR_MARK, NLB_ERROR_MARK } from './marks.ts';
import type { RegionMinute, RegionNight } from './run.ts';

export type RegionPhaseName = 'dynamoErrors' | 'cacheTail' | 'nlbErrors' | Ec2PhaseName;

export type RegionPhases = Readonly<Record<RegionPhaseName, PhaseSpan | null>>;

/** The brief's timeline as phases, in the order they began. */
export const AWS_REGION_PHASES: Readonly<Record<RegionPhaseName, PhaseSpan & { readonly label: string }>> = {
  dynamoErrors: { label: 'DynamoDB API errors: empty DNS answer, then cached', startMs: pdt('23:48'), endMs: pdt('02:40', 20) },
  leaseTimeouts: AWS_EC2_PHASES.leaseTimeouts,
  cacheTail: { label: 'records restored; clients still hold the empty answer', startMs: pdt('02:25', 20), endMs: pdt('02:40', 20) },
  collapse: AWS_EC2_PHASES.collapse,
  recovery: AWS_EC2_PHASES.recovery,
  launchRamp: AWS_EC2_PHASES.launchRamp,
  nlbErrors: { label: 'NLB connection errors, resolved when failover is switched off', startMs: pdt('05:30', 20), endMs: pdt('09:36', 20) },
  propagationBacklog: AWS_EC2_PHASES.propagationBacklog,
};

export const REGION_PHASE_NAMES: readonly RegionPhaseName[] = [
  'dynamoErrors',
  'leaseTimeouts',
  'cacheTail',
  'collapse',
  'recovery',
  'launchRamp',
  'nlbErrors',
  'propagationBacklog',
];

export { DYNAMO_ERROR_MARK, NLB_ERROR_MARK } from './marks.ts';

/**
 * Finds the phases in what the night produced, never in its inputs: DynamoDB errors from
 * the first to the last minute at or above the mark; the cached tail from the moment the
 * regional endpoint answers again to the last minute of errors; the EC2 model's five
 * phases as it detects them; NLB errors from the first to the last minute in which some
 * load balancer failed at least its mark of connections.
 */
export function detectRegionPhases(night: RegionNight): RegionPhases {
  const dynamoErrors = spanWhere(night.minutes, (m) => m.dynamoErrorRate >= DYNAMO_ERROR_MARK);
  const repaired = emptySpans(night.dns.answers, night.config.endMs).find((s) => s.toMs < night.config.endMs)?.toMs;
  const cacheTail = dynamoErrors !== null && repaired !== undefined && dynamoErrors.endMs >= repaired ? { startMs: repaired, endMs: dynamoErrors.endMs } : null;
  return {
    ...night.ec2.phases,
    dynamoErrors,
    cacheTail,
    nlbErrors: spanWhere(night.minutes, (m) => m.nlbWorstErrorRate >= NLB_ERROR_MARK),
  };
}

export type RegionPhaseComparison = PhaseComparison<RegionPhaseName>;

/** Each phase of the brief beside the model's; `ratio` is the model's duration ÷ AWS's. */
export function compareRegionPhases(phases: RegionPhases): RegionPhaseComparison[] {
  return comparePhaseSpans(REGION_PHASE_NAMES, AWS_REGION_PHASES, phases);
}

function spanWhere(minutes: readonly RegionMinute[], test: (m: RegionMinute) => boolean): PhaseSpan | null {
  const first = minutes.find(test);
  if (first === undefined) return null;
  let last = first;
  for (const m of minutes) if (test(m)) last = m;
  return { startMs: first.time, endMs: last.time };
}
