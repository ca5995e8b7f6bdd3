import { formatDuration, formatHourMinute } from '../sim/clock.ts';
import type { PhaseSpan } from '../ec2/phases.ts';
import { AWS_REGION_PHASES, REGION_PHASE_NAMES, type RegionPhaseComparison, type RegionPhaseName } from './phases.ts';

/**
 * What a phase edge rests on:
 * - `input`: an operator time (or another time given to the model), so landing on it
 *   says nothing about the model;
 * - `fitted`: a parameter was tuned so that this edge lands on AWS's, so landing on it is
 *   in-sample;
 * - `emergent`: nothing was tuned to it; it comes out of the mechanism.
 */
export type EdgeBasis = 'input' | 'fitted' | 'emergent';

export interface PhaseBasis {
  readonly start: EdgeBasis;
  readonly end: EdgeBasis;
  /** Which input or fitted parameter sets each edge, in a few words (CALIBRATION.md has the rest). */
  readonly why: string;
  /**
   * Why the model misses this phase by more than the tolerance, when it is known to: said
   * beside the phase, and the phase is left out of the fit's error. No phase is held out:
   * every parameter near the NLB phase was chosen with it in view.
   */
  readonly miss?: string;
}

/**
 * Every phase of `october2025Region` and what its edges rest on in the model. One table:
 * the replay prints it, and CALIBRATION.md's phase table must match it
 * (`test/region/labels.test.ts`).
 */
export const REGION_PHASE_BASIS: Readonly<Record<RegionPhaseName, PhaseBasis>> = {
  dynamoErrors: {
    start: 'fitted',
    end: 'fitted',
    why: "start: the seed and the delays' start (23:40) were chosen so the race resembles AWS's; end: negativeTtlMs fitted to 02:40",
  },
  leaseTimeouts: { start: 'emergent', end: 'fitted', why: 'start follows the race and the shortest lease; end: lease.ttlMaxMs fitted to 02:24' },
  cacheTail: { start: 'input', end: 'fitted', why: "start: the operators' repair at 02:25; end: negativeTtlMs fitted to 02:40" },
  collapse: { start: 'input', end: 'input', why: 'start: DynamoDB back at the 02:25 repair; end: the operators step in at 04:14' },
  recovery: { start: 'input', end: 'fitted', why: 'start: the operators at 04:14; end: dwfm.leasesPerDropletHour and operators.restartDiscardFraction fitted to 05:28' },
  launchRamp: {
    start: 'fitted',
    end: 'fitted',
    why: 'start: the recovery end (fitted); end: operators.launchRequestsPerDropletHour and networkManager.elevatedLatencyMs fitted to 06:21',
  },
  nlbErrors: {
    start: 'fitted',
    end: 'fitted',
    why: "nlbFleet's launch scales chosen with this phase in view (some load balancers hit, lesson 03's morning); both edges follow Network Manager's delays (fitted)",
    miss:
      "AWS's NLB errors began at 05:30, when the EC2 model's new instances waited about a minute for their network; the model's load balancers " +
      'flap only once the wait passes about 25 minutes (near 07:40), so its phase starts late and is short',
  },
  propagationBacklog: {
    start: 'fitted',
    end: 'fitted',
    why: 'networkManager.elevatedLatencyMs (10 min) defines both edges; launches.perDropletHour fitted to 10:36',
  },
};

/**
 * How far a dependent service's window may land from AWS's and still count as matching:
 * wider than the phases' 15%, since nothing was tuned to the dependents.
 */
export const DEPENDENT_TOLERANCE = 0.25;

/** A phase the model misses for a reason it names. */
export interface NamedMiss {
  readonly phase: RegionPhaseName;
  readonly label: string;
  /** Model start − AWS start (null when the phase never happened in the model). */
  readonly startErrorMs: number | null;
  /** Model duration ÷ AWS's − 1. */
  readonly durationError: number | null;
  readonly why: string;
}

/** The fit's error, over every phase but the named misses, and the misses apart. */
export interface CalibrationSummary {
  /** Mean |duration error| over the phases without a named miss (in-sample: every edge is input or fitted or follows one). */
  readonly fitMeanAbsError: number;
  readonly fitWorst: number;
  readonly misses: readonly NamedMiss[];
}

export function summarizeCalibration(rows: readonly RegionPhaseComparison[]): CalibrationSummary {
  const fitted = rows.filter((r) => REGION_PHASE_BASIS[r.phase].miss === undefined && r.ratio !== null).map((r) => Math.abs((r.ratio as number) - 1));
  return {
    fitMeanAbsError: fitted.length === 0 ? 0 : fitted.reduce((a, b) => a + b, 0) / fitted.length,
    fitWorst: Math.max(0, ...fitted),
    misses: rows.flatMap((r) => {
      const why = REGION_PHASE_BASIS[r.phase].miss;
      if (why === undefined) return [];
      return [{ phase: r.phase, label: r.label, startErrorMs: r.sim === null ? null : r.sim.startMs - r.aws.startMs, durationError: r.ratio === null ? null : r.ratio - 1, why }];
    }),
  };
}

function percent(x: number): string {
  return `${x >= 0 ? '+' : '−'}${Math.abs(Math.round(x * 100))}%`;
}

function signedMinutes(ms: number): string {
  return `${ms >= 0 ? '+' : '−'}${formatDuration(Math.abs(ms))}`;
}

/**
 * AWS and the model side by side, one phase a line, each edge marked input, fitted or
 * emergent, then the fit's error and each named miss on their own lines.
 */
export function formatCalibratedPhases(rows: readonly RegionPhaseComparison[]): string {
  const cell = (s: PhaseSpan | null): string =>
    s === null ? 'never happened'.padEnd(26) : `${formatHourMinute(s.startMs)}–${formatHourMinute(s.endMs)} (${formatDuration(s.endMs - s.startMs)})`.padEnd(26);
  const labelWidth = Math.max(...rows.map((r) => r.label.length));
  const lines = rows.map((r) => {
    const basis = REGION_PHASE_BASIS[r.phase];
    const diff = (r.ratio === null ? '' : percent(r.ratio - 1)).padStart(5);
    const marks = `${basis.start} → ${basis.end}${basis.miss === undefined ? '' : ', named miss'}`;
    return `${r.label.padEnd(labelWidth)}  AWS ${cell(r.aws)}  model ${cell(r.sim)}  ${diff}  [${marks}]`;
  });
  const summary = summarizeCalibration(rows);
  const misses = summary.misses.map(
    (h) =>
      `Named miss: ${h.label}: start ${h.startErrorMs === null ? 'never' : signedMinutes(h.startErrorMs)}, duration ${h.durationError === null ? 'never happened' : percent(h.durationError)}: ${h.why}.`,
  );
  return [
    ...lines,
    '',
    `Fit, in-sample (every phase but the named misses): mean |duration error| ${Math.round(summary.fitMeanAbsError * 100)}%, worst ${Math.round(summary.fitWorst * 100)}%.`,
    ...misses,
    'input: an operator time given to the model · fitted: a parameter was tuned to this edge · emergent: nothing was tuned to it.',
  ].join('\n');
}

/** The phase table as CALIBRATION.md holds it, between its `phase-basis` markers. */
export function formatPhaseBasisMarkdown(): string {
  const rows = REGION_PHASE_NAMES.map((phase) => {
    const b = REGION_PHASE_BASIS[phase];
    return `| ${AWS_REGION_PHASES[phase].label} | ${b.start} | ${b.end} | ${b.why}${b.miss === undefined ? '' : `. Named miss: ${b.miss}`} |`;
  });
  return ['| phase | start | end | what sets the edges in the model |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
