import { EventQueue } from './event-queue.ts';
import type { Invariant, Model, TraceStep, Violation } from './model.ts';
import { Rng } from './rng.ts';
import { makeChooser, type SchedulerSpec } from './schedulers.ts';

export interface RunOptions<O> {
  readonly seed: number;
  readonly scheduler?: SchedulerSpec;
  readonly invariants?: readonly Invariant<O>[];
  /** Time-ordered runs stop here (virtual ms). */
  readonly untilMs?: number;
  /** Every run stops after this many steps. */
  readonly maxSteps?: number;
  /** Stop at the first broken invariant (default) or record every one. */
  readonly stopOnViolation?: boolean;
  /** Record labels and results; exploration turns it off and replays the one failure. */
  readonly trace?: boolean;
  /** Called after every step with the observation, for metrics and time series. */
  readonly onStep?: (step: TraceStep | null, observed: O) => void;
}

export type RunEnd = 'quiescent' | 'time' | 'max-steps' | 'violation' | 'schedule';

export interface RunResult<W, O> {
  readonly model: string;
  readonly seed: number;
  readonly scheduler: SchedulerSpec['kind'];
  readonly steps: number;
  readonly endTime: number;
  readonly trace: readonly TraceStep[];
  /** Actor codes in the order they stepped: the schedule. */
  readonly choices: readonly string[];
  readonly violations: readonly Violation[];
  /** Why the run stopped. Liveness is only judged at `quiescent` and `time`. */
  readonly endedBy: RunEnd;
  readonly world: W;
  readonly final: O;
}

/**
 * A run taken one atomic step at a time, for anything that must show the world between
 * steps (the slides' race player). `runModel` is this driven to the end, so a stepped run
 * and a whole run are the same run.
 */
export interface SteppedRun<W, O> {
  readonly world: W;
  /** Virtual time of the last step (or of the end, once ended). */
  readonly now: number;
  readonly steps: number;
  readonly trace: readonly TraceStep[];
  readonly choices: readonly string[];
  readonly violations: readonly Violation[];
  /** Null while the run can go on. */
  readonly endedBy: RunEnd | null;
  /** Takes the next step; false (and nothing changes) when the run has ended. */
  step(): boolean;
  /** Drives the run to its end and returns it. */
  finish(): RunResult<W, O>;
}

const DEFAULT_MAX_STEPS = 100_000;

/**
 * Runs a model once under one scheduler. Deterministic: the same model, options and seed
 * give the same trace, byte for byte.
 */
export function runModel<W, O>(model: Model<W, O>, options: RunOptions<O>): RunResult<W, O> {
  return startRun(model, options).finish();
}

/** Starts a run whose steps are taken by the caller: see SteppedRun. */
export function startRun<W, O>(model: Model<W, O>, options: RunOptions<O>): SteppedRun<W, O> {
  const spec = options.scheduler ?? { kind: 'timed' };
  const rng = new Rng(options.seed);
  const world = model.init(rng);
  const actors = model.actors;
  const codes = actors.map((a) => a.code);
  const invariants = options.invariants ?? [];
  const safety = invariants.filter((i) => i.kind === 'safety');
  const liveness = invariants.filter((i) => i.kind === 'liveness');
  const observing = invariants.length > 0 || options.onStep !== undefined;
  const recordTrace = options.trace ?? true;
  const stopOnViolation = options.stopOnViolation ?? true;
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  const untilMs = options.untilMs ?? Infinity;

  const trace: TraceStep[] = [];
  const choices: string[] = [];
  const violations: Violation[] = [];
  let now = 0;
  let steps = 0;
  let before: O | null = null;
  let endedBy: RunEnd | null = null;
  let result: RunResult<W, O> | null = null;
  let final: O | null = null;
  const finalObservation = (): O => (final ??= model.observe(world, now));

  const checkSafety = (stepIndex: number): boolean => {
    if (!observing) return true;
    const observed = model.observe(world, now);
    for (const inv of safety) {
      const message = inv.check(observed, before);
      if (message !== null) violations.push({ invariant: inv.name, message, step: stepIndex, time: now });
    }
    options.onStep?.(stepIndex >= 0 ? (trace[trace.length - 1] ?? null) : null, observed);
    before = observed;
    return !(stopOnViolation && violations.length > 0);
  };

  const takeStep = (actorIndex: number): void => {
    const actor = actors[actorIndex];
    if (actor === undefined) return;
    const action = recordTrace ? actor.describe(world) : '';
    const outcome = actor.step(world, { now, rng });
    choices.push(actor.code);
    if (recordTrace) {
      trace.push({ index: steps, time: now, actor: actor.id, code: actor.code, action, result: outcome.result, ok: outcome.ok });
    }
    steps++;
    wakeAt[actorIndex] = now + outcome.delayMs;
  };

  const wakeAt = Float64Array.from(actors, (a) => a.startMs(world));
  now = Math.min(untilMs, ...wakeAt.filter(Number.isFinite));
  if (!Number.isFinite(now)) now = 0;
  let alive = checkSafety(-1);

  const queue = new EventQueue<number>();
  const chooser = spec.kind === 'timed' ? null : makeChooser(spec, options.seed, actors.length);
  if (chooser === null) {
    actors.forEach((_, i) => {
      if (Number.isFinite(wakeAt[i])) queue.push(wakeAt[i] as number, i);
    });
  }
  const ready: number[] = [];

  /** One step in virtual-time order; false when nothing is due before `untilMs`. */
  const timedStep = (): boolean => {
    while (queue.peekTime() <= untilMs) {
      now = queue.peekTime();
      const i = queue.pop();
      if (i === undefined) break;
      const actor = actors[i];
      if (actor === undefined) continue;
      if (!actor.ready(world)) {
        const idle = actor.idleMs(world);
        if (Number.isFinite(idle)) queue.push(now + Math.max(1, idle), i);
        continue;
      }
      takeStep(i);
      if (Number.isFinite(wakeAt[i])) queue.push(wakeAt[i] as number, i);
      return true;
    }
    if (Number.isFinite(untilMs)) now = untilMs;
    endedBy = 'time';
    return false;
  };

  /** One step of the actor the scheduler picks; false when none is ready or the schedule is used up. */
  const chosenStep = (pick: NonNullable<typeof chooser>): boolean => {
    ready.length = 0;
    for (let i = 0; i < actors.length; i++) if (actors[i]?.ready(world) === true) ready.push(i);
    if (ready.length === 0) {
      endedBy = 'quiescent';
      return false;
    }
    const i = pick.choose(ready, codes);
    if (i === undefined) {
      endedBy = 'schedule';
      return false;
    }
    // Untimed schedulers may run an actor before it is due; the clock never goes back.
    const due = wakeAt[i] as number;
    if (Number.isFinite(due) && due > now) now = due;
    takeStep(i);
    return true;
  };

  const step = (): boolean => {
    if (endedBy !== null) return false;
    if (!alive) endedBy = 'violation';
    else if (steps >= maxSteps) endedBy = 'max-steps';
    else if (chooser === null ? timedStep() : chosenStep(chooser)) {
      alive = checkSafety(steps - 1);
      return true;
    }
    judgeLiveness();
    return false;
  };

  const judgeLiveness = (): void => {
    if (endedBy === 'quiescent' || endedBy === 'time' || (endedBy === 'violation' && !stopOnViolation)) {
      for (const inv of liveness) {
        const message = inv.check(finalObservation(), null);
        if (message !== null) violations.push({ invariant: inv.name, message, step: steps - 1, time: now });
      }
    }
  };

  return {
    world,
    get now() {
      return now;
    },
    get steps() {
      return steps;
    },
    trace,
    choices,
    violations,
    get endedBy() {
      return endedBy;
    },
    step,
    finish() {
      if (result !== null) return result;
      while (step());
      result = { model: model.name, seed: options.seed, scheduler: spec.kind, steps, endTime: now, trace, choices, violations, endedBy: endedBy ?? 'time', world, final: finalObservation() };
      return result;
    },
  };
}
