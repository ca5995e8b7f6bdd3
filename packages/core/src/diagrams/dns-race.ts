import { REGIONAL_ENDPOINT } from '../dns/config.ts';
import { formatClock } from '../sim/clock.ts';
import type { TraceStep } from '../sim/model.ts';
import { renderSequenceDiagram, type SequenceMark, type SequenceMessage } from '../render/svg/sequence.ts';
import { regionalRun, type RegionalRun } from './dns-run.ts';

const LANES = [
  { id: 'dns-planner', label: 'DnsPlanner' },
  { id: 'enactor-az1', label: 'Enactor az1' },
  { id: 'enactor-az2', label: 'Enactor az2' },
  { id: 'enactor-az3', label: 'Enactor az3' },
  { id: 'route53', label: 'Route53' },
  { id: 'operator', label: 'Operators' },
];

/** The moments of the race, found from what the regional endpoint looked like after each step. */
interface RaceMoments {
  /** The write that moved the endpoint back to an older generation. */
  readonly stale: number;
  /** The step after which the endpoint's active set no longer existed. */
  readonly deletion: number;
}

/**
 * `sim october2025`: the race as a sequence diagram. Of the run's thousands of steps it
 * keeps the ones the story needs: the delayed Enactor's one freshness check, its failed
 * lock attempts, the newer plan applied by another Enactor, the stale write, the clean-up
 * that deletes the active set, the wedge, and the operators' repair.
 */
export function drawDnsRace(seed: number): string {
  const run = regionalRun(seed);
  const moments = findMoments(run);
  if (moments === null) {
    return renderSequenceDiagram({
      title: `october2025, seed ${seed}: no stale write`,
      lanes: LANES,
      messages: [{ from: 'route53', to: 'route53', label: `seed ${seed}: the regional endpoint never went back to an older plan` }],
    });
  }
  const { trace, after } = run;
  const staleStep = trace[moments.stale] as TraceStep;
  const writer = staleStep.actor;
  const newer = viewBefore(run, moments.stale).generation;
  const older = after[moments.stale]?.generation ?? null;

  const rows = new Map<number, SequenceMark | null>();
  const add = (index: number, mark: SequenceMark['label'] | null = null, tone: SequenceMark['tone'] = 'danger'): void => {
    if (index >= 0) rows.set(index, mark === null ? null : { at: 0, label: mark, tone });
  };
  const lastBefore = (end: number, test: (s: TraceStep) => boolean): number => {
    for (let i = end - 1; i >= 0; i--) if (test(trace[i] as TraceStep)) return i;
    return -1;
  };
  const firstAfter = (start: number, test: (s: TraceStep) => boolean): number => trace.findIndex((s, i) => i > start && test(s));
  const onRegional = (s: TraceStep): boolean => s.action.endsWith(` ${REGIONAL_ENDPOINT}`);

  const check = lastBefore(moments.stale, (s) => s.actor === writer && s.action.startsWith('check freshness'));
  add(firstAfter(-1, (s) => s.actor === 'dns-planner' && s.action === `publish plan gen ${older}`));
  add(check, `${writer} checks freshness once, here`, 'warning');
  const lockFailures = trace.map((s, i) => i).filter((i) => i > check && i < moments.stale && isLockFailure(trace[i] as TraceStep, writer));
  add(lockFailures[0] ?? -1);
  const summaryAt = lockFailures.length > 1 ? (lockFailures[lockFailures.length - 1] as number) : -1;
  add(firstAfter(-1, (s) => s.actor === 'dns-planner' && s.action === `publish plan gen ${newer}`));
  const newerApply = lastBefore(moments.stale, (s) => s.actor !== writer && s.ok && onRegional(s) && s.action.startsWith(`apply gen ${newer}`));
  add(lastBefore(newerApply, (s) => s.actor === trace[newerApply]?.actor && s.action.startsWith('check freshness')));
  add(newerApply);
  add(lastBefore(moments.stale, (s) => s.actor === writer && s.ok && onRegional(s) && s.action.startsWith('take lock')));
  add(moments.stale, `overwrites the newer gen ${newer} with gen ${older}`);
  add(moments.deletion, `deletes the set of gen ${older}, now active: no answers`);
  const wedged = firstAfter(moments.deletion, (s) => !s.ok && onRegional(s) && s.action.startsWith('apply'));
  add(wedged, 'later plans fail: rollback points at the deleted set');
  const repair = firstAfter(moments.deletion, (s) => s.actor === 'operator');
  add(repair, 'only operators can repair it', 'info');
  add(firstAfter(Math.max(repair, moments.deletion), (s) => s.ok && onRegional(s) && s.action.startsWith('apply')));

  if (summaryAt >= 0) rows.set(summaryAt, null);
  const messages: SequenceMessage[] = [];
  const marks: SequenceMark[] = [];
  for (const index of [...rows.keys()].sort((a, b) => a - b)) {
    const step = trace[index] as TraceStep;
    const mark = rows.get(index);
    if (mark !== undefined && mark !== null) marks.push({ ...mark, at: messages.length });
    if (index === summaryAt) {
      // Hundreds of identical failures become one row that says how many there were.
      messages.push({ from: writer, to: 'route53', label: `… ${lockFailures.length - 1} more failed lock attempts, backing off`, ok: false, time: clock(step.time) });
    } else {
      messages.push(messageOf(step, run.after[index]?.generation ?? null));
    }
  }
  return renderSequenceDiagram({ title: `The race of 19 October 2025 in the model (seed ${seed})`, lanes: LANES, messages, marks });
}

function findMoments(run: RegionalRun): RaceMoments | null {
  let stale = -1;
  for (let i = 0; i < run.after.length; i++) {
    const before = viewBefore(run, i);
    const now = run.after[i];
    if (now === undefined) continue;
    if (stale < 0 && before.generation !== null && now.generation !== null && now.generation < before.generation) stale = i;
    if (stale >= 0 && before.setExists && !now.setExists) return { stale, deletion: i };
  }
  return null;
}

function viewBefore(run: RegionalRun, index: number): RegionalRun['initial'] {
  return index === 0 ? run.initial : (run.after[index - 1] ?? run.initial);
}

function isLockFailure(step: TraceStep, actor: string): boolean {
  return step.actor === actor && !step.ok && step.action.startsWith('take lock');
}

function clock(time: number): string {
  return formatClock(time, { withDay: true });
}

/** A trace step as one row: what the actor did, shortened to fit between two lanes. */
function messageOf(step: TraceStep, generationAfter: number | null): SequenceMessage {
  const time = clock(step.time);
  const action = step.action.replace(REGIONAL_ENDPOINT, 'regional endpoint');
  if (step.actor === 'dns-planner') return { from: 'dns-planner', to: 'dns-planner', label: action, time };
  if (step.actor === 'operator') return { from: 'operator', to: 'route53', label: 'restore the records by hand', time };
  if (step.action.startsWith('check freshness')) {
    return { from: step.actor, to: step.actor, label: step.result.replace(/ \(.*$/, '').replace('applied ', ''), time };
  }
  if (step.action.startsWith('apply') && step.ok) {
    return { from: step.actor, to: 'route53', label: `${action.replace(/ to regional endpoint$/, '')}: root → gen ${generationAfter ?? '?'}`, time };
  }
  if (step.action.startsWith('apply')) {
    return { from: step.actor, to: 'route53', label: `${action.replace(/ to regional endpoint$/, '')}: rejected`, time, ok: false };
  }
  return { from: step.actor, to: 'route53', label: action, time, ok: step.ok };
}
