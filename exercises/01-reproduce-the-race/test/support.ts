import {
  IPV6_ENDPOINT,
  REGIONAL_ENDPOINT,
  createDnsModel,
  formatClock,
  formatTimelineAround,
  runModel,
  type DnsObservation,
  type DnsScenario,
  type RunResult,
  type DnsWorld,
} from '@outage-lab/core';
import { DNS_INVARIANTS } from '@outage-lab/core/judge';

export type Night = RunResult<DnsWorld, DnsObservation> & { readonly observations: readonly DnsObservation[]; readonly scenario: DnsScenario };

/** Runs a scenario against the faithful model, keeping every observation (observation i is taken after step i - 1). */
export function runNight(scenario: DnsScenario): Night {
  const observations: DnsObservation[] = [];
  const result = runModel(createDnsModel(scenario.config, { name: scenario.name }), {
    seed: scenario.seed,
    untilMs: scenario.untilMs,
    invariants: DNS_INVARIANTS,
    stopOnViolation: false,
    onStep: (_, observed) => observations.push(observed),
  });
  return { ...result, observations, scenario };
}

const endpoint = (o: DnsObservation | undefined, name: string) => o?.endpoints.find((e) => e.name === name);

/** The step after which observation `i` was taken. */
const stepBefore = (night: Night, i: number) => night.trace[i - 1];

/**
 * What decided the night, read from what could be observed after every step (never from
 * the timeline's wording): the stale write that moved the regional endpoint back, the
 * freshness check of the Enactor that made it, the deletion of the set it pointed at, and
 * the first moment the endpoint answered nothing.
 */
export interface RaceFacts {
  readonly emptyAt: number | null;
  readonly staleWrite: { readonly index: number; readonly actor: string; readonly time: number; readonly from: number; readonly to: number } | null;
  readonly checkedAt: number | null;
  readonly deletion: { readonly index: number; readonly actor: string; readonly time: number; readonly generation: number } | null;
}

export function raceFacts(night: Night): RaceFacts {
  const obs = night.observations;
  const regional = (i: number) => endpoint(obs[i], REGIONAL_ENDPOINT);
  const empty = obs.findIndex((o) => endpoint(o, REGIONAL_ENDPOINT)?.answers.length === 0);
  const back = obs.findIndex((_, i) => i > 0 && (regional(i)?.activeGeneration ?? Infinity) < (regional(i - 1)?.activeGeneration ?? -Infinity));
  const writer = back > 0 ? stepBefore(night, back) : undefined;
  const staleWrite =
    back > 0 && writer !== undefined
      ? { index: writer.index, actor: writer.actor, time: writer.time, from: regional(back - 1)?.activeGeneration ?? 0, to: regional(back)?.activeGeneration ?? 0 }
      : null;
  // The stale writer's freshness check: the step after which it started on the plan it wrote.
  let checkedAt: number | null = null;
  if (staleWrite !== null) {
    const carrying = (i: number) => obs[i]?.enactors.find((e) => e.id === staleWrite.actor)?.generation === staleWrite.to;
    let i = back;
    while (i > 0 && carrying(i - 1)) i--;
    checkedAt = i > 0 ? (stepBefore(night, i)?.time ?? null) : null;
  }
  const gone = obs.findIndex((_, i) => i > Math.max(0, back) && back > 0 && regional(i)?.activeSetExists === false && regional(i - 1)?.activeSetExists === true);
  const deleter = gone > 0 ? stepBefore(night, gone) : undefined;
  const deletion = deleter === undefined ? null : { index: deleter.index, actor: deleter.actor, time: deleter.time, generation: regional(gone)?.activeGeneration ?? 0 };
  return { emptyAt: empty < 0 ? null : empty, staleWrite, checkedAt, deletion };
}

export function twinWentEmpty(night: Night): boolean {
  return night.observations.some((o) => endpoint(o, IPV6_ENDPOINT)?.answers.length === 0);
}

/** The regional endpoint's story: the steps around the stale write, the deletion and the first empty answer, not the tail of the night. */
export function regionalStory(night: Night): string {
  const facts = raceFacts(night);
  const relevant = (s: { action: string }) => s.action.endsWith(` ${REGIONAL_ENDPOINT}`) || s.action.startsWith('clean up') || s.action.startsWith('check freshness');
  const marks = [facts.staleWrite?.index, facts.deletion?.index, facts.emptyAt === null ? undefined : facts.emptyAt - 1].filter((i): i is number => i !== undefined && i >= 0);
  const header = `Your night: ${night.scenario.name}, seed ${night.scenario.seed}, ${formatClock(night.scenario.config.startMs)}–${formatClock(night.scenario.untilMs)} (the same seed replays this night exactly)`;
  if (marks.length === 0) return `${header}\n${neverWentBack(night)}`;
  const timeline = formatTimelineAround(night.trace, marks, { context: 3, relevant, violations: night.violations.filter((v) => v.invariant === 'regional-endpoint-resolves').slice(0, 1) }).split('\n');
  // The story ends with the line saying what broke, not with the step after it; that line is its closing sentence.
  const broke = timeline.findLastIndex((line) => /^\S+ {2}✖ /.test(line));
  if (broke >= 0) return `${header}\n${[...timeline.slice(0, broke), asSentence(timeline[broke] ?? '')].join('\n')}`;
  return `${header}\n${timeline.join('\n')}\n${whyItKeptAnswering(facts)}`;
}

/** A line that says what broke, closed as the sentence it is (core's invariant messages carry no full stop). */
export function asSentence(line: string): string {
  return /[.!?]["'”’)]?$/.test(line.trimEnd()) ? line : `${line.trimEnd()}.`;
}

/** The sentence that ends a night on which no Enactor ever wrote the regional endpoint back: where it stood, who wrote it last, when the night ended. */
function neverWentBack(night: Night): string {
  const writes = night.trace.filter((s) => s.action.startsWith('apply') && s.action.endsWith(` ${REGIONAL_ENDPOINT}`) && s.ok);
  const last = writes[writes.length - 1];
  const final = endpoint(night.final, REGIONAL_ENDPOINT);
  const lastWrite = last === undefined ? 'no Enactor ever wrote it' : `the last to write it was ${last.actor}, at ${formatClock(last.time)}`;
  return `No Enactor ever moved ${REGIONAL_ENDPOINT} back to an older plan: ${lastWrite}, and it still answered ${final?.answers.length ?? 0} addresses from gen ${final?.activeGeneration ?? 'none'} when your night ended at ${formatClock(night.scenario.untilMs)}.`;
}

/** The sentence that ends a night whose regional endpoint went back a generation but never went empty. */
function whyItKeptAnswering({ staleWrite, deletion }: RaceFacts): string {
  if (staleWrite === null) return `${REGIONAL_ENDPOINT} kept answering all night.`;
  const wrote = `${staleWrite.actor} wrote gen ${staleWrite.to} over gen ${staleWrite.from} at ${formatClock(staleWrite.time)}`;
  if (deletion === null) return `${wrote}, but no clean-up deleted gen ${staleWrite.to} while it was live: ${REGIONAL_ENDPOINT} went back a generation and kept answering.`;
  return `${wrote}, and at ${formatClock(deletion.time)} ${deletion.actor}'s clean-up deleted the set of gen ${deletion.generation}, yet ${REGIONAL_ENDPOINT} still answered.`;
}
