import { formatTimeline, parseReplay, runModel, type Counterexample, type DnsObservation, type DnsWorld, type Model, type TraceStep } from '@outage-lab/core';
import { DNS_INVARIANTS } from '@outage-lab/core/judge';
import { asSentence, decisiveSteps } from './support.ts';

/** The learner's Enactor, as `npm run explore --enactor` takes it. */
const ENACTOR_FILE = 'exercises/02-generation-checks/src/enactor.ts';
/** A schedule up to this many steps is shown whole; a longer one, by its decisive steps. */
export const WHOLE_UP_TO = 30;
/** Steps shown before each decisive one of a long schedule (one is shown after it). */
const CONTEXT = 4;

/**
 * The schedule a search found, told as a story: what broke, the decisive steps, and every
 * step of the shortest schedule, numbered as the replay string counts them (and how to
 * replay it, where `npm run explore` knows the scenario: explorable); a schedule
 * longer than WHOLE_UP_TO steps shows its decisive steps with the few before each, and
 * marks every gap. The step that broke the invariant is always shown, and the story ends
 * with the line that says what it broke.
 */
export function searchStory(model: Model<DnsWorld, DnsObservation>, cx: Counterexample, options: { readonly explorable?: boolean } = {}): string {
  const replay = cx.shrunkReplay ?? cx.replay;
  const { seed, scheduler } = parseReplay(replay);
  // The same schedule again, to read what could be observed after every step.
  const observations: DnsObservation[] = [];
  const again = runModel(model, { seed, scheduler, invariants: DNS_INVARIANTS, onStep: (_, observed) => observations.push(observed) });
  const trace = again.trace.length > 0 ? again.trace : cx.trace;
  const violation = again.violations[0] ?? cx.violation;
  const marks = decisiveSteps({ trace, observations }, violation);
  const shown = trace.length <= WHOLE_UP_TO ? null : around(trace, marks.map((m) => m.index));
  const byStep = new Map<number, string[]>();
  for (const m of marks) byStep.set(m.index, [...(byStep.get(m.index) ?? []), m.label]);
  const decisive = [...byStep].map(([index, labels]) => `${labels.join(', where ')} (step ${index + 1})`).join('; ');
  const shrunk = cx.shrunkSteps !== null && cx.shrunkSteps < cx.steps ? ` (the search's schedule had ${cx.steps} steps; these ${trace.length} break it too)` : '';
  return [
    `${violation.invariant} broke after step ${violation.step + 1} of ${trace.length}${shrunk}. The decisive steps: ${decisive}.`,
    options.explorable === false ? `Its replay string: ${replay}` : `Replay it: npm run explore -- --enactor ${ENACTOR_FILE} --replay '${replay}'`,
    '',
    numbered(trace, violation, shown),
  ].join('\n');
}

/**
 * The steps to show of a long schedule: each decisive one, CONTEXT before it and one after,
 * and the last freshness check and lock read of the Enactor that took it, however long
 * before: that is where its decision was made.
 */
function around(trace: readonly TraceStep[], decisive: readonly number[]): Set<number> {
  const shown = new Set<number>();
  for (const index of decisive) {
    for (let i = index - CONTEXT; i <= index + 1; i++) shown.add(i);
    const actor = trace.find((s) => s.index === index)?.actor;
    const earlier = trace.filter((s) => s.index < index && s.actor === actor);
    for (const kind of ['check freshness', 'take lock']) {
      const last = earlier.findLast((s) => s.action.startsWith(kind));
      if (last !== undefined) shown.add(last.index);
    }
  }
  return new Set(trace.map((s) => s.index).filter((i) => shown.has(i)));
}

/** One line per step, numbered from 1 like the replay string; a gap in what is shown is marked with how many steps it hides. */
function numbered(trace: readonly TraceStep[], violation: Counterexample['violation'], shown: Set<number> | null): string {
  const lines = formatTimeline(trace, { fold: false, violations: [violation] }).split('\n');
  const out: string[] = [];
  let k = 0;
  let hidden = 0;
  for (const line of lines) {
    if (/^\S+ {2}✖ /.test(line)) {
      out.push(`      ${asSentence(line)}`);
      continue;
    }
    const step = trace[k++];
    if (step === undefined) continue;
    if (shown !== null && !shown.has(step.index)) {
      hidden++;
      continue;
    }
    if (hidden > 0) out.push(`      ⋮ ${hidden} step${hidden === 1 ? '' : 's'} not shown`);
    hidden = 0;
    out.push(`${String(step.index + 1).padStart(4)}  ${line}`);
  }
  if (hidden > 0) out.push(`      ⋮ ${hidden} later step${hidden === 1 ? '' : 's'} not shown`);
  return out.join('\n');
}
