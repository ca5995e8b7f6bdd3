import {
  DNS_INVARIANTS,
  REGIONAL_ENDPOINT,
  createDnsModel,
  formatClock,
  formatTimeline,
  runModel,
  type DnsConfig,
  type DnsObservation,
  type DnsWorld,
  type EnactorProgram,
  type RunResult,
  type TraceStep,
  type Violation,
} from '@outage-lab/core';

export type Night = RunResult<DnsWorld, DnsObservation> & { readonly observations: readonly DnsObservation[] };

/** A timed night with the given Enactor in every AZ, keeping every observation and every broken invariant. */
export function runNight(enactor: EnactorProgram, config: DnsConfig, untilMs: number, seed: number, prepare?: (world: DnsWorld) => void): Night {
  const observations: DnsObservation[] = [];
  const result = runModel(createDnsModel(config, { enactor, ...(prepare === undefined ? {} : { prepare }) }), {
    seed,
    untilMs,
    invariants: DNS_INVARIANTS,
    stopOnViolation: false,
    onStep: (_, observed) => observations.push(observed),
  });
  return { ...result, observations };
}

/**
 * The steps that decide a night, found from what could be observed rather than from the
 * timeline's wording: the first write that moved an endpoint back to an older generation,
 * the first step after which an endpoint's active set was gone, and the violation.
 */
function decisiveSteps(night: Night, violation: Violation | undefined): { label: string; index: number }[] {
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
export function story(night: Night, violation: Violation | undefined, context = 3): string {
  if (violation === undefined) return '';
  const marks = decisiveSteps(night, violation);
  const relevant = (s: TraceStep): boolean => s.actor === 'dns-planner' || s.action.endsWith(` ${REGIONAL_ENDPOINT}`) || s.action.startsWith('clean') || s.action.startsWith('check');
  const shown = new Set<number>();
  for (const { index } of marks) {
    for (const s of night.trace.filter((t) => t.index < index && relevant(t)).slice(-context)) shown.add(s.index);
    shown.add(index);
    for (const s of night.trace.filter((t) => t.index > index && relevant(t)).slice(0, 1)) shown.add(s.index);
  }
  const steps = [...shown].sort((a, b) => a - b).flatMap((i) => night.trace[i] ?? []);
  // A gap between two windows is marked, so the timeline never reads as one continuous stretch.
  const groups: TraceStep[][] = [];
  for (const step of steps) {
    const last = groups[groups.length - 1];
    const previous = last?.[last.length - 1];
    if (last !== undefined && previous !== undefined && night.trace.slice(previous.index + 1, step.index).every((t) => !relevant(t))) last.push(step);
    else groups.push([step]);
  }
  const decisive = marks.map(({ label, index }) => `${label} at ${formatClock(night.trace[index]?.time ?? violation.time)}`).join(', ');
  const timeline = groups.map((g) => formatTimeline(g, { violations: [violation] })).join('\n   ⋮\n');
  return `${violation.invariant} broke at ${formatClock(violation.time)}: ${violation.message}\nThe decisive steps: ${decisive}.\n${timeline}`;
}
