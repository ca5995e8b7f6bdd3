import { assert } from 'vitest';
import {
  REGIONAL_ENDPOINT,
  createDnsModel,
  formatClock,
  formatTimelineAround,
  runModel,
  type DnsConfig,
  type DnsObservation,
  type DnsWorld,
  type EnactorProgram,
  type RunResult,
  type TraceStep,
  type Violation,
} from '@outage-lab/core';
import { DNS_INVARIANTS } from '@outage-lab/core/judge';
import { timelineProblems } from './judge-night.ts';

export type Night = RunResult<DnsWorld, DnsObservation> & { readonly observations: readonly DnsObservation[] };

/**
 * A timed night with the given Enactor in every AZ, keeping every observation and every
 * broken invariant; it fails if the Enactor's own timeline misreports what it did.
 */
export function runNight(enactor: EnactorProgram, config: DnsConfig, untilMs: number, seed: number, prepare?: (world: DnsWorld) => void): Night {
  const observations: DnsObservation[] = [];
  const result = runModel(createDnsModel(config, { enactor, ...(prepare === undefined ? {} : { prepare }) }), {
    seed,
    untilMs,
    invariants: DNS_INVARIANTS,
    stopOnViolation: false,
    onStep: (_, observed) => observations.push(observed),
  });
  const night = { ...result, observations };
  const lies = timelineProblems(night);
  assert(lies.length === 0, `your Enactor's timeline does not tell what happened, and the timeline is what you and an operator read:\n${bullets(lies)}`);
  return night;
}

/**
 * The steps that decide a night, found from what could be observed rather than from the
 * timeline's wording: the first write that moved an endpoint back to an older generation,
 * the first step after which an endpoint's active set was gone, and the violation.
 */
export function decisiveSteps(night: Pick<Night, 'trace' | 'observations'>, violation: Violation | undefined): { label: string; index: number }[] {
  const marks: { label: string; index: number }[] = [];
  const obs = night.observations;
  const at = (test: (now: DnsObservation, before: DnsObservation) => boolean): number => obs.findIndex((now, i) => i > 0 && test(now, obs[i - 1] as DnsObservation));
  const back = at((now, before) => now.endpoints.some((e, k) => (e.activeGeneration ?? 0) < (before.endpoints[k]?.activeGeneration ?? 0) && e.activeGeneration !== null));
  const gone = at((now, before) => now.endpoints.some((e, k) => !e.activeSetExists && before.endpoints[k]?.activeSetExists === true));
  // Observation i is taken after trace step i - 1.
  if (back > 0) marks.push({ label: 'the stale write', index: back - 1 });
  if (gone > 0) marks.push({ label: 'the deletion', index: gone - 1 });
  if (violation !== undefined && violation.step >= 0) marks.push({ label: `${violation.invariant} breaks`, index: violation.step });
  return marks;
}

/**
 * The story of a broken invariant: the few steps around each decisive moment (the stale
 * write, the clean-up that deleted a live set, the first broken invariant), not the tail
 * of the night.
 */
export function story(night: Night, violation: Violation | undefined): string {
  if (violation === undefined) return '';
  const marks = decisiveSteps(night, violation);
  const relevant = (s: TraceStep): boolean => s.actor === 'dns-planner' || s.action.endsWith(` ${REGIONAL_ENDPOINT}`) || s.action.startsWith('clean') || s.action.startsWith('check');
  const decisive = marks.map(({ label, index }) => `${label} at ${formatClock(night.trace[index]?.time ?? violation.time)}`).join(', ');
  const timeline = formatTimelineAround(
    night.trace,
    marks.map((m) => m.index),
    { context: 3, relevant, violations: [violation] },
  );
  return `${violation.invariant} broke at ${formatClock(violation.time)}: ${violation.message}\nThe decisive steps: ${decisive}.\n${endAtBreak(timeline)}`;
}

/**
 * A timeline that ends with the line saying what broke, not with the step after it: that
 * line (when, which invariant, which endpoint) is the story's closing sentence.
 */
export function endAtBreak(timeline: string): string {
  const lines = timeline.split('\n');
  const last = lines.findLastIndex((line) => /^\S+ {2}✖ /.test(line));
  return last < 0 ? timeline : [...lines.slice(0, last), asSentence(lines[last] ?? '')].join('\n');
}

/** A line that says what broke, closed as the sentence it is (core's invariant messages carry no full stop). */
export function asSentence(line: string): string {
  return /[.!?]["'”’)]?$/.test(line.trimEnd()) ? line : `${line.trimEnd()}.`;
}

/** Sentences about what went wrong, one a line, as a list under the sentence that leads them. */
export function bullets(sentences: readonly string[]): string {
  return sentences.map((s) => `- ${s}`).join('\n');
}
