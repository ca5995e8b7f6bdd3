import {
  ConfigError,
  createDnsModel,
  formatReplay,
  formatTimeline,
  parseReplay,
  startRun,
  type DnsObservation,
  type DnsScenario,
  type DnsWorld,
  type EnactorProgram,
  type SteppedRun,
  type TraceStep,
  type Violation,
} from '@outage-lab/core';
// The player lights every invariant explore checks and runs its scenarios by name.
import { DNS_INVARIANTS, DNS_SCENARIOS } from '@outage-lab/core/judge';

/** explore prints the last 40 lines of a timeline. */
const TIMELINE_LINES = 40;
/** Steps formatted for the timeline: far more than 40 lines, even when failures fold. */
const TIMELINE_STEPS = 400;

/** What a player plays: a replay string as `npm run explore` prints it, against one Enactor. */
export interface PlayerSource {
  readonly scenario: DnsScenario;
  readonly seed: number;
  /** The schedule's actor codes, or null for a time-ordered run decided by the seed. */
  readonly choices: readonly string[] | null;
}

/**
 * Reads a replay string into a playable source. Throws a ConfigError (one line naming the
 * problem and what is valid) for a malformed string or an unknown scenario.
 */
export function readSource(text: string): PlayerSource {
  const spec = parseReplay(text);
  const scenario = DNS_SCENARIOS[spec.scenario];
  if (scenario === undefined) {
    throw new ConfigError('replay', `no scenario named ${JSON.stringify(spec.scenario)}`, Object.keys(DNS_SCENARIOS).join(', '));
  }
  const choices = spec.scheduler.kind === 'replay' ? spec.scheduler.choices : null;
  const codes = createDnsModel(scenario.config).actors.map((a) => a.code);
  const stranger = (choices ?? []).findIndex((code) => !codes.includes(code));
  if (stranger >= 0) {
    throw new ConfigError('replay', `step ${stranger + 1} names ${JSON.stringify(choices?.[stranger])}, which is no actor of ${scenario.name}`, codes.join(', '));
  }
  return { scenario, seed: spec.seed, choices };
}

export function sourceText(source: PlayerSource): string {
  return formatReplay(source.scenario.name, source.seed, source.choices);
}

/** The same source with another seed: the schedule stays, the model's draws change. */
export function withSeed(source: PlayerSource, seed: number): PlayerSource {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new ConfigError('seed', `${JSON.stringify(String(seed))} is not a whole number`, 'a whole number ≥ 0');
  return { ...source, seed };
}

/** One invariant as the player lights it. */
export interface InvariantLight {
  readonly name: string;
  readonly kind: 'safety' | 'liveness';
  /** `holds`, `broken` (at this step), `was-broken` (earlier, holds now) or `pending` (liveness before the end). */
  readonly status: 'holds' | 'broken' | 'was-broken' | 'pending';
  /** The sentence of the break shown, or null. */
  readonly message: string | null;
  /** 1-based step of the first break, or null. */
  readonly firstBrokenAt: number | null;
}

/**
 * A DNS run the player can move through. Forward is one real step of the core's model;
 * backward replays from the seed to the step wanted, which determinism makes exact.
 */
export class PlayerSession {
  #run: SteppedRun<DnsWorld, DnsObservation>;

  constructor(
    readonly source: PlayerSource,
    private readonly enactor?: EnactorProgram,
  ) {
    this.#run = this.#fresh();
  }

  get steps(): number {
    return this.#run.steps;
  }

  get ended(): boolean {
    return this.#run.endedBy !== null;
  }

  get endedBy(): string | null {
    return this.#run.endedBy;
  }

  get world(): DnsWorld {
    return this.#run.world;
  }

  get trace(): readonly TraceStep[] {
    return this.#run.trace;
  }

  get now(): number {
    return this.#run.now;
  }

  /** One step forward; false when the run is over. */
  step(): boolean {
    return this.#run.step();
  }

  /** Goes to step `n` (clamped to the run's end): forward by stepping, backward by replaying. */
  goTo(n: number): void {
    const target = Math.max(0, Math.floor(n));
    if (target < this.#run.steps) this.#run = this.#fresh();
    while (this.#run.steps < target && this.#run.step());
  }

  /** The first break of each invariant up to now, in step order: what the timeline shows. */
  firstBreaks(): Violation[] {
    const first = new Map<string, Violation>();
    for (const v of this.#run.violations) if (!first.has(v.invariant)) first.set(v.invariant, v);
    return [...first.values()];
  }

  /**
   * The timeline as `npm run explore -- --replay` prints it, up to this step. Past
   * TIMELINE_STEPS steps only the latest are formatted, so a step of the October night
   * stays quick; the first line then says only that earlier lines are left out.
   */
  timeline(): string {
    const trace = this.#run.trace;
    const violations = this.firstBreaks();
    if (trace.length <= TIMELINE_STEPS) return formatTimeline(trace, { violations, maxLines: TIMELINE_LINES });
    const from = trace.length - TIMELINE_STEPS;
    const text = formatTimeline(trace.slice(from), { violations: violations.filter((v) => v.step >= from), maxLines: TIMELINE_LINES });
    return `… earlier lines\n${text.replace(/^… \d+ earlier lines\n/, '')}`;
  }

  lights(): InvariantLight[] {
    const current = this.#run.steps - 1;
    const violations = this.#run.violations;
    return DNS_INVARIANTS.map((inv) => {
      const mine = violations.filter((v) => v.invariant === inv.name);
      const first = mine[0];
      const now = mine.find((v) => v.step === current && (inv.kind === 'safety' || this.ended));
      const status = now !== undefined ? 'broken' : first !== undefined ? 'was-broken' : inv.kind === 'liveness' && !this.ended ? 'pending' : 'holds';
      return { name: inv.name, kind: inv.kind, status, message: (now ?? first)?.message ?? null, firstBrokenAt: first === undefined ? null : first.step + 1 };
    });
  }

  #fresh(): SteppedRun<DnsWorld, DnsObservation> {
    const { scenario, seed, choices } = this.source;
    const model = createDnsModel(scenario.config, { name: scenario.name, ...(this.enactor === undefined ? {} : { enactor: this.enactor }) });
    return startRun(model, {
      seed,
      scheduler: choices === null ? { kind: 'timed' } : { kind: 'replay', choices },
      invariants: DNS_INVARIANTS,
      untilMs: scenario.untilMs,
      // The player goes on past a break, to show the wedge and the repair.
      stopOnViolation: false,
    });
  }
}
