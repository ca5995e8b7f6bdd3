import { formatDuration, formatHourMinute } from './clock.ts';

/**
 * Phases of a night, the brief's beside the model's: the same comparison for any model
 * (EC2's five phases, the Region's eight), so there is one definition of the ratio and
 * one of "close enough".
 */
export interface PhaseSpan {
  readonly startMs: number;
  readonly endMs: number;
}

export interface PhaseComparison<Name extends string = string> {
  readonly phase: Name;
  readonly label: string;
  readonly aws: PhaseSpan;
  readonly sim: PhaseSpan | null;
  /** Simulated duration ÷ AWS's; null when the phase did not happen in the model. */
  readonly ratio: number | null;
}

/** How far a phase's duration may be from the brief's and still count as matching it. */
export const PHASE_TOLERANCE = 0.15;

/** Each phase of the brief beside the model's, in the order of `names`. */
export function comparePhaseSpans<Name extends string>(
  names: readonly Name[],
  aws: Readonly<Record<Name, PhaseSpan & { readonly label: string }>>,
  found: Readonly<Record<Name, PhaseSpan | null>>,
): PhaseComparison<Name>[] {
  return names.map((phase) => {
    const brief = aws[phase];
    const sim = found[phase];
    const ratio = sim === null ? null : (sim.endMs - sim.startMs) / (brief.endMs - brief.startMs);
    return { phase, label: brief.label, aws: brief, sim, ratio };
  });
}

/** Whether the model's phase lasted within `tolerance` of the brief's (a phase that never happened does not). */
export function withinTolerance(row: Pick<PhaseComparison, 'ratio'>, tolerance = PHASE_TOLERANCE): boolean {
  return row.ratio !== null && Math.abs(row.ratio - 1) <= tolerance;
}

/** The labels of the phases that missed the brief by more than `tolerance`. */
export function phasesOff(rows: readonly PhaseComparison[], tolerance = PHASE_TOLERANCE): string[] {
  return rows.filter((r) => !withinTolerance(r, tolerance)).map((r) => r.label);
}

/** AWS and the model side by side, one phase a line. */
export function formatPhaseTable(rows: readonly PhaseComparison[]): string {
  const cell = (s: PhaseSpan | null): string =>
    s === null ? 'never happened'.padEnd(26) : `${formatHourMinute(s.startMs)}–${formatHourMinute(s.endMs)} (${formatDuration(s.endMs - s.startMs)})`.padEnd(26);
  const labelWidth = Math.max(...rows.map((r) => r.label.length));
  const lines = rows.map((r) => {
    const diff = r.ratio === null ? '' : `${r.ratio >= 1 ? '+' : '−'}${Math.abs(Math.round((r.ratio - 1) * 100))}%`;
    return `${r.label.padEnd(labelWidth)}  AWS ${cell(r.aws)}  model ${cell(r.sim)}  ${diff}`;
  });
  return lines.join('\n');
}
