import { formatDuration, formatHourMinute } from '../sim/clock.ts';
import type { PhaseSpan } from '../ec2/phases.ts';
import type { RegionPhaseComparison, RegionPhaseName } from './phases.ts';

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
  /** Which input or fitted parameter, in a few words (the calibration table has the rest). */
  readonly why: string;
  /** Held out of the fit: its error is a prediction's, reported apart from the fit's. */
  readonly heldOut: boolean;
}

/**
 * Every phase of `october2025Region` and what its edges rest on. The fit uses the DNS and
 * EC2 phases; the NLB phase is held out (no parameter was tuned to it), so its error is
 * the prediction error. Kept beside the parameter table in CALIBRATION.md.
 */
export const REGION_PHASE_BASIS: Readonly<Record<RegionPhaseName, PhaseBasis>> = {
  dynamoErrors: {
    start: 'fitted',
    end: 'fitted',
    why: "start: the delay's start (23:40) and the seed were chosen so the race resembles AWS's; end: negativeTtlMs fitted to 02:40",
    heldOut: false,
  },
  leaseTimeouts: { start: 'emergent', end: 'fitted', why: 'start follows the race and the shortest lease; end: lease.ttlMaxMs fitted to 02:24', heldOut: false },
  cacheTail: { start: 'input', end: 'fitted', why: "start: the operators' repair at 02:25; end: negativeTtlMs fitted to 02:40", heldOut: false },
  collapse: { start: 'input', end: 'input', why: 'start: DynamoDB back at the 02:25 repair; end: the operators step in at 04:14', heldOut: false },
  recovery: {
    start: 'input',
    end: 'fitted',
    why: 'start: the operators at 04:14; end: dwfm.leasesPerDropletHour and operators.restartDiscardFraction fitted to 05:28',
    heldOut: false,
  },
  launchRamp: {
    start: 'fitted',
    end: 'fitted',
    why: 'start: the recovery end (fitted); end: operators.launchRequestsPerDropletHour and networkManager.elevatedLatencyMs fitted to 06:21',
    heldOut: false,
  },
  nlbErrors: {
    start: 'emergent',
    end: 'input',
    why: 'held out: predicted from the DNS and EC2 fit, nlbLaunchScale set by a rule; end: failover switched off at 09:36',
    heldOut: true,
  },
  propagationBacklog: {
    start: 'fitted',
    end: 'fitted',
    why: 'networkManager.elevatedLatencyMs (10 min) defines both edges; launches.perDropletHour fitted to 10:36',
    heldOut: false,
  },
};

/**
 * How far a prediction (a held-out phase, a dependent service's window) may land from AWS's
 * and still count as matching: wider than the fit's 15%, since nothing was tuned to it.
 */
export const HELD_OUT_TOLERANCE = 0.25;

/** How far a held-out phase landed from AWS's. */
export interface HeldOutError {
  readonly phase: RegionPhaseName;
  readonly label: string;
  /** Model start − AWS start (null when the phase never happened in the model). */
  readonly startErrorMs: number | null;
  /** Model duration ÷ AWS's − 1. */
  readonly durationError: number | null;
}

/** The fit's and the held-out phases' errors, apart. */
export interface CalibrationSummary {
  /** Mean |duration error| over the fitted phases (in-sample). */
  readonly fitMeanAbsError: number;
  readonly fitWorst: number;
  readonly heldOut: readonly HeldOutError[];
}

export function summarizeCalibration(rows: readonly RegionPhaseComparison[]): CalibrationSummary {
  const fitted = rows.filter((r) => !REGION_PHASE_BASIS[r.phase].heldOut && r.ratio !== null).map((r) => Math.abs((r.ratio as number) - 1));
  return {
    fitMeanAbsError: fitted.length === 0 ? 0 : fitted.reduce((a, b) => a + b, 0) / fitted.length,
    fitWorst: Math.max(0, ...fitted),
    heldOut: rows
      .filter((r) => REGION_PHASE_BASIS[r.phase].heldOut)
      .map((r) => ({
        phase: r.phase,
        label: r.label,
        startErrorMs: r.sim === null ? null : r.sim.startMs - r.aws.startMs,
        durationError: r.ratio === null ? null : r.ratio - 1,
      })),
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
 * emergent, then the fit's error and the held-out prediction's error on their own lines.
 */
export function formatCalibratedPhases(rows: readonly RegionPhaseComparison[]): string {
  const cell = (s: PhaseSpan | null): string =>
    s === null ? 'never happened'.padEnd(26) : `${formatHourMinute(s.startMs)}–${formatHourMinute(s.endMs)} (${formatDuration(s.endMs - s.startMs)})`.padEnd(26);
  const labelWidth = Math.max(...rows.map((r) => r.label.length));
  const lines = rows.map((r) => {
    const basis = REGION_PHASE_BASIS[r.phase];
    const diff = (r.ratio === null ? '' : percent(r.ratio - 1)).padStart(5);
    const marks = `${basis.start} → ${basis.end}${basis.heldOut ? ', held out' : ''}`;
    return `${r.label.padEnd(labelWidth)}  AWS ${cell(r.aws)}  model ${cell(r.sim)}  ${diff}  [${marks}]`;
  });
  const summary = summarizeCalibration(rows);
  const heldOut = summary.heldOut.map(
    (h) =>
      `Held out, predicted (not fitted): ${h.label}: start ${h.startErrorMs === null ? 'never' : signedMinutes(h.startErrorMs)}, duration ${h.durationError === null ? 'never happened' : percent(h.durationError)}.`,
  );
  return [
    ...lines,
    '',
    `Fit, in-sample (DNS and EC2 phases): mean |duration error| ${Math.round(summary.fitMeanAbsError * 100)}%, worst ${Math.round(summary.fitWorst * 100)}%.`,
    ...heldOut,
    'input: an operator time given to the model · fitted: a parameter was tuned to this edge · emergent: nothing was tuned to it.',
  ].join('\n');
}
