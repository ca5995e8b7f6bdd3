import { ConfigError } from '../config-error.ts';
import type { SchedulerSpec } from './schedulers.ts';

/**
 * A schedule as text that can be pasted back to replay a run exactly:
 *   `october2025@timed#20251351`            a time-ordered run: the seed decides everything
 *   `smallScope@replay#1:P.a1.a1.a2.a2.a1`  the actors in the order they stepped
 * A run that checked only some invariants names them after a slash, so that the replay
 * checks the same ones and breaks the same invariant at the same step:
 *   `smallScope@replay#0:P.a1.a2/regional-endpoint-resolves,newest-plan-applied`
 * Without the slash, the replay checks every invariant of the model.
 */
export interface ReplaySpec {
  readonly scenario: string;
  readonly seed: number;
  readonly scheduler: SchedulerSpec;
  /** The invariants the run checked, by name; null: all of the model's. */
  readonly invariants: readonly string[] | null;
}

const VALID = '<scenario>@timed#<seed> or <scenario>@replay#<seed>:<actor>.<actor>…, optionally /<invariant>,<invariant>…';
const SHAPE = /^([^@]*)@([^#]*)#([^:/]*)(?::([^/]*))?(?:\/(.*))?$/s;
const NAME = /^[A-Za-z][\w-]*$/;
const ACTOR = /^[A-Za-z][A-Za-z0-9]*$/;
const INVARIANT = /^[a-z][a-z0-9-]*$/;

export function formatReplay(scenario: string, seed: number, choices: readonly string[] | null, invariants: readonly string[] | null = null): string {
  const run = choices === null ? `${scenario}@timed#${seed}` : `${scenario}@replay#${seed}:${choices.join('.')}`;
  return invariants === null ? run : `${run}/${invariants.join(',')}`;
}

/** An input string quoted for an error line: one line, and not a page long. */
const quote = (text: string): string => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);

/**
 * Reads a replay string completely: anything it cannot replay exactly (a seed that would
 * lose precision, steps a timed run would ignore, an empty schedule, an empty or
 * repeated invariant) is an error, never a run that silently replays something else.
 * Names are checked against the model by the caller, which knows the scenarios.
 */
export function parseReplay(text: string): ReplaySpec {
  const m = SHAPE.exec(text.trim());
  const fail = (problem: string): never => {
    throw new ConfigError('replay', `${quote(text)} ${problem}`, VALID);
  };
  if (m === null) return fail('is not a replay string');
  const [, scenario = '', kind = '', seedText = '', steps, invariantText] = m;
  if (!NAME.test(scenario)) fail(`names no scenario before "@"`);
  if (kind !== 'timed' && kind !== 'replay') fail(`has mode ${JSON.stringify(kind)} after "@" (valid modes: timed, replay)`);
  const seed = /^\d{1,16}$/.test(seedText) ? Number(seedText) : Number.NaN;
  if (!Number.isSafeInteger(seed)) fail(`has seed ${JSON.stringify(seedText.slice(0, 30))}, not a whole number from 0 to ${Number.MAX_SAFE_INTEGER}`);
  const invariants = invariantText === undefined ? null : invariantText.split(',');
  if (invariants !== null) {
    const bad = invariants.find((name) => !INVARIANT.test(name));
    if (bad !== undefined) fail(`names the invariant ${JSON.stringify(bad)} after "/" (valid: lower-case names such as regional-endpoint-resolves, comma-separated)`);
    const twice = invariants.find((name, i) => invariants.indexOf(name) !== i);
    if (twice !== undefined) fail(`names the invariant ${JSON.stringify(twice)} twice`);
  }
  if (kind === 'timed') {
    if (steps !== undefined) fail('has steps after the seed, which a timed run would ignore: its seed decides every step');
    return { scenario, seed, scheduler: { kind: 'timed' }, invariants };
  }
  if (steps === undefined || steps === '') return fail('has an empty schedule, which replays nothing');
  const choices = steps.split('.');
  const badStep = choices.find((c) => !ACTOR.test(c));
  if (badStep !== undefined) fail(`has the step ${JSON.stringify(badStep)} (valid: actor codes such as P, a1, a2, separated by single dots)`);
  return { scenario, seed, scheduler: { kind: 'replay', choices }, invariants };
}
