import { formatClock, type DnsObservation, type TraceStep } from '@outage-lab/core';

/**
 * Judgements of a night that no invariant makes, read from what could be observed after
 * every step (observation i is taken after trace step i - 1), never from the timeline's
 * wording. Each returns sentences about the first few places it went wrong: empty when
 * all is well.
 */
export interface Observed {
  readonly trace: readonly TraceStep[];
  readonly observations: readonly DnsObservation[];
}

const MAX = 3;

/** Each trace step with what could be observed just before and just after it. */
function steps(night: Observed): { step: TraceStep; before: DnsObservation; after: DnsObservation }[] {
  return night.trace.flatMap((step, i) => {
    const before = night.observations[i];
    const after = night.observations[i + 1];
    return before === undefined || after === undefined ? [] : [{ step, before, after }];
  });
}

const at = (step: TraceStep): string => `${formatClock(step.time)} ${step.actor}`;

/**
 * The rollback record is how operators go back one plan: every write that moves an
 * endpoint off a set that still exists must point the endpoint's rollback record at that
 * set; a write that repairs an endpoint whose set is gone points it at a set that exists;
 * writing the plan an endpoint already serves must not overwrite the way back with it.
 */
export function rollbackProblems(night: Observed): string[] {
  const problems: string[] = [];
  for (const { step, before, after } of steps(night)) {
    for (const now of after.endpoints) {
      const was = before.endpoints.find((e) => e.name === now.name);
      if (was === undefined || was.activeGeneration === null || now.activeGeneration === null) continue;
      if (was.activeGeneration === now.activeGeneration) {
        // The same plan written again: the way back must not be overwritten with it.
        if (was.activeSetExists && now.rollbackGeneration !== was.rollbackGeneration && now.rollbackGeneration === now.activeGeneration) {
          problems.push(`at ${at(step)} wrote gen ${now.activeGeneration} again over ${now.name}, which already served it, and pointed its rollback record at it: the way back to gen ${was.rollbackGeneration ?? 'none'} is gone.`);
        }
        if (problems.length === MAX) return problems;
        continue;
      }
      const expected = was.activeSetExists ? was.activeGeneration : now.activeGeneration;
      if (now.rollbackGeneration === expected) continue;
      problems.push(
        was.activeSetExists
          ? `at ${at(step)} moved ${now.name} from gen ${was.activeGeneration} to gen ${now.activeGeneration} and pointed its rollback record at gen ${now.rollbackGeneration ?? 'nothing'}, not at gen ${was.activeGeneration}, the plan it served before: nobody can roll it back one plan.`
          : `at ${at(step)} repaired ${now.name} with gen ${now.activeGeneration} but left its rollback record on gen ${now.rollbackGeneration ?? 'nothing'}, whose set is gone.`,
      );
      if (problems.length === MAX) return problems;
    }
  }
  return problems;
}

/**
 * An Enactor that finds the newest plan already on every endpoint has nothing to apply:
 * it must not go on to take the endpoints' locks for it. Every needless lock is one that
 * another Enactor may fail to take, and back off from, as az1 did that night.
 */
export function needlessLocks(night: Observed): string[] {
  const problems: string[] = [];
  for (const { step, before, after } of steps(night)) {
    if (!step.action.startsWith('check freshness')) continue;
    const current = before.endpoints.every((e) => e.activeGeneration === before.newestGeneration && e.activeSetExists);
    const went = after.enactors.find((e) => e.id === step.actor)?.phase === 'lock';
    if (current && went) problems.push(`at ${at(step)} every endpoint already served the newest gen ${before.newestGeneration}, yet it set out to apply it again, endpoint by endpoint.`);
    if (problems.length === MAX) break;
  }
  return problems;
}

/**
 * Moves an Enactor makes only when a step did what it set out to do: start a plan, read an
 * endpoint, write the last one, clean up (one step reads the zone and deletes, so nothing
 * can come between). (Apply → idle may be a plan given up after a rejection.)
 */
const FORWARD: Readonly<Record<string, readonly string[]>> = { idle: ['lock'], lock: ['apply'], apply: ['cleanup'], cleanup: ['idle'] };

/** Whether a step's result names a generation, as `gen 7` or by its set, `plan-7.…`. */
const namesGeneration = (result: string, generation: number): boolean => new RegExp(`\\b(gen |plan-)${generation}\\b`).test(result);

/**
 * The timeline is what a learner and an operator read: every step of an Enactor must say
 * what it did; a step that changed what an endpoint serves or moved its Enactor on (started
 * a plan, read an endpoint, wrote the last endpoint, cleaned up) must not be marked failed
 * (✗), and a freshness check that left a newer plan unapplied must be. A write names the
 * generation it wrote and the one it replaced: that is how the timeline shows a stale write.
 */
export function timelineProblems(night: Observed): string[] {
  const problems: string[] = [];
  for (const { step, before, after } of steps(night)) {
    if (!step.actor.startsWith('enactor')) continue;
    const from = before.enactors.find((e) => e.id === step.actor)?.phase ?? '';
    const to = after.enactors.find((e) => e.id === step.actor)?.phase ?? '';
    const moved = after.endpoints.find((e) => e.activeGeneration !== before.endpoints.find((b) => b.name === e.name)?.activeGeneration);
    const was = moved === undefined ? null : (before.endpoints.find((b) => b.name === moved.name)?.activeGeneration ?? null);
    if (step.result.trim() === '') problems.push(`at ${at(step)} "${step.action}" says nothing of what it did: its result is empty.`);
    else if (!step.ok && moved !== undefined) problems.push(`at ${at(step)} "${step.action}" moved ${moved.name} to gen ${moved.activeGeneration ?? 'none'} but is marked failed: "✗ ${step.result}".`);
    else if (moved !== undefined && moved.activeGeneration !== null && !(namesGeneration(step.result, moved.activeGeneration) && (was === null || namesGeneration(step.result, was)))) {
      problems.push(
        `at ${at(step)} "${step.action}" moved ${moved.name} from gen ${was ?? 'none'} to gen ${moved.activeGeneration}, but its result does not say so: "→ ${step.result}". A write must name the generation it wrote and the one it replaced, or a stale write reads like any other.`,
      );
    } else if (!step.ok && (FORWARD[from] ?? []).includes(to)) problems.push(`at ${at(step)} "${step.action}" moved on (${from} → ${to}) but is marked failed: "✗ ${step.result}".`);
    else if (from === 'idle' && to === 'idle' && step.ok && before.newestGeneration > Math.max(0, ...before.endpoints.map((e) => e.activeGeneration ?? 0))) {
      problems.push(`at ${at(step)} "${step.action}" left gen ${before.newestGeneration}, newer than every endpoint's, unapplied, yet it is marked done ("→ ${step.result}"): a refusal must show as ✗.`);
    }
    if (problems.length === MAX) break;
  }
  return problems;
}
