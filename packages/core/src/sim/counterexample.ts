import type { Invariant, Model, TraceStep, Violation } from './model.ts';
import { formatReplay } from './replay.ts';
import { runModel } from './run.ts';
import type { SchedulerSpec } from './schedulers.ts';
import { shrinkSchedule } from './shrink.ts';
import { formatTimeline } from './timeline.ts';

/** Everything needed to understand and reproduce a broken invariant. */
export interface Counterexample {
  readonly scenario: string;
  readonly seed: number;
  readonly violation: Violation;
  /** Pasted back into `replay`, reproduces the run exactly. */
  readonly replay: string;
  readonly steps: number;
  /** The schedule with every step removed that was not needed to break the invariant. */
  readonly shrunkReplay: string | null;
  readonly shrunkSteps: number | null;
  /** One line per step of the shortest schedule we have: time, actor, action, result. */
  readonly timeline: string;
  readonly trace: readonly TraceStep[];
}

export interface CounterexampleOptions<O> {
  readonly seed: number;
  readonly scheduler: SchedulerSpec;
  readonly invariants: readonly Invariant<O>[];
  readonly untilMs?: number;
  readonly maxSteps?: number;
  /** Shrink untimed schedules (default true). Time-ordered runs replay from their seed. */
  readonly shrink?: boolean;
  readonly shrinkBudget?: number;
  readonly timelineLines?: number;
}

/**
 * Re-runs a failing run with its trace on and builds the report: the replay string, a
 * shrunk schedule where the run was untimed, and the timeline of the shortest one.
 */
export function explainFailure<W, O>(model: Model<W, O>, options: CounterexampleOptions<O>): Counterexample | null {
  const run = runModel(model, { seed: options.seed, scheduler: options.scheduler, invariants: options.invariants, untilMs: options.untilMs, maxSteps: options.maxSteps });
  const violation = run.violations[0];
  if (violation === undefined) return null;
  const timed = options.scheduler.kind === 'timed';
  const replay = formatReplay(model.name, options.seed, timed ? null : run.choices);
  let shrunk: string[] | null = null;
  if (!timed && options.shrink !== false) {
    shrunk = shrinkSchedule(model, run.choices, { seed: options.seed, invariants: options.invariants, invariant: violation.invariant, budget: options.shrinkBudget });
  }
  const shown = shrunk === null ? run : runModel(model, { seed: options.seed, scheduler: { kind: 'replay', choices: shrunk }, invariants: options.invariants });
  const shownViolation = shown.violations[0] ?? violation;
  const lines = options.timelineLines ?? 40;
  return {
    scenario: model.name,
    seed: options.seed,
    violation: shownViolation,
    replay,
    steps: run.steps,
    shrunkReplay: shrunk === null ? null : formatReplay(model.name, options.seed, shrunk),
    shrunkSteps: shrunk?.length ?? null,
    timeline: formatTimeline(shown.trace, { violations: [shownViolation], maxLines: lines }),
    trace: shown.trace,
  };
}

/** The report as text, for test failures, the CLI and slides. */
export function formatCounterexample(cx: Counterexample): string {
  // One replay string, the one whose failure and timeline are shown, printed whole: pasted
  // back, it breaks the same invariant at the same step with the same timeline.
  const shown = cx.shrunkReplay ?? cx.replay;
  const shrunk = cx.shrunkSteps !== null && cx.shrunkSteps < cx.steps ? `  (shrunk: ${cx.shrunkSteps} of ${cx.steps} steps)` : '';
  const lines = [
    `✖ ${cx.violation.invariant} broken after step ${cx.violation.step + 1}: ${cx.violation.message}`,
    `  seed:   ${cx.seed}`,
    `  replay: ${shown}${shrunk}`,
    '',
    cx.timeline,
  ];
  return lines.join('\n');
}
