import { formatClock } from './clock.ts';
import type { TraceStep, Violation } from './model.ts';

export interface TimelineOptions {
  /** Only steps from this index on. */
  readonly from?: number;
  /** At most this many lines (the last ones, ending at the violation). */
  readonly maxLines?: number;
  /** Fold runs of the same failing action by one actor into one line (`×37`). */
  readonly fold?: boolean;
  /** Only steps of these actors. */
  readonly actors?: readonly string[];
  readonly violations?: readonly Violation[];
}

/**
 * A trace as a story, one line per step: time, actor, action, result. Broken invariants
 * appear as their own lines right after the step that broke them.
 */
export function formatTimeline(trace: readonly TraceStep[], options: TimelineOptions = {}): string {
  const fold = options.fold ?? true;
  const violations = options.violations ?? [];
  const steps = trace.filter((s) => s.index >= (options.from ?? 0) && (options.actors === undefined || options.actors.includes(s.actor)));
  const actorWidth = Math.max(8, ...steps.map((s) => s.actor.length));
  const actionWidth = Math.min(64, Math.max(10, ...steps.map((s) => s.action.length)));
  const lines: string[] = [];
  const initial = violations.filter((v) => v.step < 0);
  for (const v of initial) lines.push(violationLine(v));
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as TraceStep;
    let repeats = 1;
    if (fold && !step.ok) {
      while (i + repeats < steps.length && sameFailure(steps[i + repeats] as TraceStep, step)) repeats++;
    }
    const last = steps[i + repeats - 1] as TraceStep;
    const times = repeats > 1 ? ` ×${repeats} until ${formatClock(last.time)}` : '';
    lines.push(`${formatClock(step.time)}  ${step.actor.padEnd(actorWidth)}  ${step.action.padEnd(actionWidth)}  ${step.ok ? '→' : '✗'} ${last.result}${times}`);
    for (const v of violations) if (v.step >= step.index && v.step <= last.index) lines.push(violationLine(v));
    i += repeats - 1;
  }
  const max = options.maxLines;
  if (max !== undefined && lines.length > max) return [`… ${lines.length - max} earlier lines`, ...lines.slice(-max)].join('\n');
  return lines.join('\n');
}

export interface AroundOptions {
  /** How many relevant steps to show before each decisive one (default 3); one is shown after it. */
  readonly context?: number;
  /** Which steps belong to the story (default: all). */
  readonly relevant?: (step: TraceStep) => boolean;
  readonly violations?: readonly Violation[];
}

/**
 * The part of a long trace that tells its story: each decisive step (a stale write, a
 * deletion, the first broken invariant) with the few relevant steps before it and one
 * after. Windows that touch merge; a gap between two is marked `⋮`, so the excerpt never
 * reads as one continuous stretch.
 */
export function formatTimelineAround(trace: readonly TraceStep[], decisive: readonly number[], options: AroundOptions = {}): string {
  const context = options.context ?? 3;
  const relevant = options.relevant ?? (() => true);
  const byIndex = new Map(trace.map((s) => [s.index, s]));
  const shown = new Set<number>();
  for (const index of decisive) {
    const before = trace.filter((s) => s.index < index && relevant(s)).slice(-context);
    const after = trace.find((s) => s.index > index && relevant(s));
    for (const s of before) shown.add(s.index);
    if (byIndex.has(index)) shown.add(index);
    if (after !== undefined) shown.add(after.index);
  }
  const steps = [...shown].sort((a, b) => a - b).flatMap((i) => byIndex.get(i) ?? []);
  const groups: TraceStep[][] = [];
  for (const step of steps) {
    const group = groups[groups.length - 1];
    const previous = group?.[group.length - 1];
    const contiguous = previous !== undefined && trace.every((s) => s.index <= previous.index || s.index >= step.index || !relevant(s));
    if (group !== undefined && contiguous) group.push(step);
    else groups.push([step]);
  }
  return groups.map((g) => formatTimeline(g, { violations: options.violations ?? [] })).join('\n   ⋮\n');
}

function sameFailure(a: TraceStep, b: TraceStep): boolean {
  return !a.ok && a.actor === b.actor && a.action === b.action;
}

function violationLine(v: Violation): string {
  return `${formatClock(v.time)}  ✖ ${v.invariant}: ${v.message}`;
}

/** A short hash of a trace, for the determinism self-check (FNV-1a over every field). */
export function traceHash(trace: readonly TraceStep[]): string {
  let h = 0x811c9dc5;
  const mix = (text: string): void => {
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  };
  for (const s of trace) {
    mix(`${s.index}|${s.time}|${s.actor}|${s.action}|${s.result}|${s.ok ? 1 : 0}\n`);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
