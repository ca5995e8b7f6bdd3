import { createDnsModel, explainFailure, explore, formatCounterexample, formatReplay, parseReplay, type Counterexample, type DnsConfig, type DnsObservation, type DnsScenario, type Invariant } from '@outage-lab/core';
import { DNS_INVARIANTS, DNS_SCENARIOS, newestPlanApplied, regionalEndpointResolves } from '@outage-lab/core/judge';
import { BadInput, helpText, ownEntry, parseCommand, reportError, tableEntry, wholeNumber, type Entry } from '@outage-lab/cli';
import { EXPLORE, MAX_WORKERS, STRATEGIES, type Strategy } from './explore-table.ts';
import { enactorFile, loadEnactor, type EnactorFile } from './enactor-file.ts';
import { describeSearch, EXIT_INTERRUPTED, processSearchEnv, runSearch, StuckStep, type SearchEnv } from './search-run.ts';

/**
 * The explore command without its process: reads the command line completely before any
 * work starts, and gives every failure it finds as a replay string that the same command
 * replays to the same invariant, step and timeline.
 */

export { EXPLORE, STRATEGIES, type Strategy } from './explore-table.ts';

/** Flags that only the exhaustive search reads. */
const EXHAUSTIVE_ONLY = ['workers', 'symmetry', 'max-states'] as const;

/** Every invariant by name: what replay strings may name. */
const INVARIANTS: Readonly<Record<string, Invariant<DnsObservation>>> = Object.fromEntries(DNS_INVARIANTS.map((i) => [i.name, i]));
/** What a search checks by default: the empty endpoint the lessons are about, and liveness. */
const HEADLINE: readonly Invariant<DnsObservation>[] = [regionalEndpointResolves, newestPlanApplied];

export type ExplorePlan =
  | { readonly kind: 'help' }
  | {
      readonly kind: 'search';
      readonly scenario: DnsScenario;
      readonly strategy: Strategy;
      readonly runs: number;
      readonly invariants: readonly Invariant<DnsObservation>[];
      /** The learner's Enactor, or null for the faithful one. */
      readonly enactor: EnactorFile | null;
      /** Exhaustive only: 0 searches sequentially (on one worker thread), N on N worker threads. */
      readonly workers: number;
      readonly symmetry: boolean;
      readonly maxStates: number;
    }
  | {
      readonly kind: 'replay';
      readonly text: string;
      readonly scenario: DnsScenario;
      readonly seed: number;
      readonly choices: readonly string[] | null;
      readonly invariants: readonly Invariant<DnsObservation>[];
      readonly enactor: EnactorFile | null;
    };

const names = (record: Readonly<Record<string, unknown>>): string => Object.keys(record).join(', ');

function scenarioNamed(flag: string, name: string): DnsScenario {
  const scenario = ownEntry(DNS_SCENARIOS, name);
  if (scenario === undefined) throw new BadInput(`${flag}: scenario ${JSON.stringify(name)} is not known (valid: ${names(DNS_SCENARIOS)})`);
  return scenario;
}

/**
 * Exhaustive search compares states without the clock, so it is sound only where time
 * cannot change what happens: every latency, poll, back-off and lock lifetime zero.
 */
export function timeFree(config: DnsConfig): boolean {
  return [config.plannerPeriodMs, config.enactorPollMs, config.apiLatencyMs, config.latencyJitter, config.lockTtlMs, config.backoffBaseMs, config.backoffCapMs].every((v) => v === 0) && config.faults.length === 0;
}

const timeFreeScenarios = (): string => Object.values(DNS_SCENARIOS).filter((s) => timeFree(s.config)).map((s) => s.name).join(', ');
const boundedScenarios = (): string => Object.values(DNS_SCENARIOS).filter((s) => Number.isFinite(s.untilMs)).map((s) => s.name).join(', ');

export function parseExploreArgs(argv: readonly string[]): ExplorePlan {
  const { help, flags: values } = parseCommand(EXPLORE, argv);
  if (help) return { kind: 'help' };
  const text = (flag: string): string | undefined => {
    const value = values[flag];
    return typeof value === 'string' ? value : undefined;
  };
  const replay = text('replay');
  if (replay !== undefined) {
    const others = ['scenario', 'strategy', 'runs', 'all-invariants', ...EXHAUSTIVE_ONLY].filter((f) => values[f] !== undefined);
    if (others.length > 0) throw new BadInput(`--replay: the string decides the run, so --${others[0]} cannot be given with it (valid: --replay <string>, with --enactor <file> if it was found with one)`);
    const enactor = text('enactor');
    return { ...replayPlan(replay), enactor: enactor === undefined ? null : enactorFile(enactor) };
  }
  const scenario = scenarioNamed('--scenario', text('scenario') ?? 'smallScope');
  const strategyText = text('strategy') ?? 'exhaustive';
  const strategy = STRATEGIES.find((s) => s === strategyText);
  if (strategy === undefined) throw new BadInput(`--strategy: ${JSON.stringify(strategyText)} is not known (valid: ${STRATEGIES.join(', ')})`);
  if (strategy === 'exhaustive' && text('runs') !== undefined) throw new BadInput('--runs counts random or pct schedules; exhaustive search visits every state (valid: --runs with --strategy random or pct)');
  if (strategy === 'exhaustive' && !timeFree(scenario.config)) {
    throw new BadInput(`--scenario ${scenario.name}: exhaustive search needs a scenario where time cannot change behaviour (valid for exhaustive: ${timeFreeScenarios()}; or --strategy random or pct)`);
  }
  const runs = wholeNumber('--runs', text('runs') ?? '2000', 1, 1_000_000);
  const exhaustiveOnly = EXHAUSTIVE_ONLY.find((f) => values[f] !== undefined);
  if (strategy !== 'exhaustive' && exhaustiveOnly !== undefined) {
    throw new BadInput(`--${exhaustiveOnly} tunes the exhaustive search, not ${strategy} schedules (valid: --${exhaustiveOnly} with --strategy exhaustive)`);
  }
  const symmetry = text('symmetry') ?? 'on';
  if (symmetry !== 'on' && symmetry !== 'off') throw new BadInput(`--symmetry ${JSON.stringify(symmetry)} is neither on nor off (valid: --symmetry on or --symmetry off)`);
  const enactor = text('enactor');
  return {
    kind: 'search',
    scenario,
    strategy,
    runs,
    invariants: values['all-invariants'] === true ? DNS_INVARIANTS : HEADLINE,
    enactor: enactor === undefined ? null : enactorFile(enactor),
    workers: wholeNumber('--workers', text('workers') ?? '0', 0, MAX_WORKERS),
    symmetry: symmetry === 'on',
    maxStates: wholeNumber('--max-states', text('max-states') ?? '20000000', 1, 2_000_000_000),
  };
}

/** A replay string checked completely against the registry and the scenario's actors. */
export function replayPlan(text: string): Extract<ExplorePlan, { kind: 'replay' }> {
  const spec = parseReplay(text);
  const scenario = scenarioNamed('--replay', spec.scenario);
  const choices = spec.scheduler.kind === 'replay' ? spec.scheduler.choices : null;
  if (choices === null && !Number.isFinite(scenario.untilMs)) {
    throw new BadInput(`--replay: ${scenario.name} runs until nothing is left to do, so a timed run of it would never end (valid for timed: ${boundedScenarios()}; or ${scenario.name}@replay#<seed>:<steps>)`);
  }
  if (choices !== null) {
    const codes = createDnsModel(scenario.config, { name: scenario.name }).actors.map((a) => a.code);
    const unknown = choices.find((c) => !codes.includes(c));
    if (unknown !== undefined) throw new BadInput(`--replay: actor ${JSON.stringify(unknown)} is not in ${scenario.name} (valid: ${codes.join(', ')})`);
  }
  const invariants = (spec.invariants ?? DNS_INVARIANTS.map((i) => i.name)).map((name) => {
    const invariant = ownEntry(INVARIANTS, name);
    if (invariant === undefined) throw new BadInput(`--replay: invariant ${JSON.stringify(name)} is not known (valid: ${names(INVARIANTS)})`);
    return invariant;
  });
  return { kind: 'replay', text, scenario, seed: spec.seed, choices, invariants, enactor: null };
}

/** The checked set is written into the string unless it is every invariant. */
function stamp(cx: Counterexample, invariants: readonly Invariant<DnsObservation>[]): Counterexample {
  const all = invariants.length === DNS_INVARIANTS.length && DNS_INVARIANTS.every((i) => invariants.includes(i));
  if (all) return cx;
  const set = invariants.map((i) => i.name);
  const restamp = (text: string): string => {
    const spec = parseReplay(text);
    return formatReplay(spec.scenario, spec.seed, spec.scheduler.kind === 'replay' ? spec.scheduler.choices : null, set);
  };
  return { ...cx, replay: restamp(cx.replay), shrunkReplay: cx.shrunkReplay === null ? null : restamp(cx.shrunkReplay) };
}

/**
 * A replay string names the scenario, not the Enactor: a failure of the learner's Enactor
 * replays only with the same --enactor, so the report says how.
 */
function report(cx: Counterexample, plan: Extract<ExplorePlan, { kind: 'search' }>, out: (line: string) => void): void {
  const stamped = stamp(cx, plan.invariants);
  out(formatCounterexample(stamped));
  if (plan.enactor !== null) out(`  with your Enactor: npm run explore -- --enactor ${plan.enactor.path} --replay '${stamped.shrunkReplay ?? stamped.replay}'`);
}

export async function runExplorePlan(plan: ExplorePlan, out: (line: string) => void, env: SearchEnv = processSearchEnv()): Promise<number> {
  if (plan.kind === 'help') {
    out(helpText(EXPLORE));
    return 0;
  }
  const enactor = plan.enactor === null ? undefined : await loadEnactor(plan.enactor);
  const model = createDnsModel(plan.scenario.config, { name: plan.scenario.name, ...(enactor === undefined ? {} : { enactor }) });
  if (plan.kind === 'replay') {
    const cx = explainFailure(model, {
      seed: plan.seed,
      scheduler: plan.choices === null ? { kind: 'timed' } : { kind: 'replay', choices: plan.choices },
      invariants: plan.invariants,
      ...(plan.choices === null ? { untilMs: plan.scenario.untilMs } : {}),
      shrink: false,
    });
    out(cx === null ? `${plan.text}: no invariant broke` : formatCounterexample(stamp(cx, plan.invariants)));
    return 0;
  }
  if (plan.strategy === 'exhaustive') {
    const flags = {
      invariants: plan.invariants,
      workers: plan.workers,
      maxStates: plan.maxStates,
      symmetry: plan.symmetry,
      ...(plan.enactor === null ? {} : { enactorModule: plan.enactor.url, enactorPath: plan.enactor.path }),
    };
    const { result, ms } = await runSearch(plan.scenario, flags, env);
    for (const line of describeSearch(plan.scenario, flags, result, ms)) out(line);
    if (result.counterexample !== null) report(result.counterexample, plan, out);
    else if (result.stoppedBy === 'violation') out('a violation was found but could not be replayed');
    return result.stoppedBy === 'interrupted' ? EXIT_INTERRUPTED : 0;
  }
  const result = explore(model, { invariants: plan.invariants, strategy: plan.strategy, runs: plan.runs });
  out(`${plan.scenario.name}: ${result.runs} ${plan.strategy} schedules explored`);
  if (result.counterexample === null) out('no invariant broke');
  else report(result.counterexample, plan, out);
  return 0;
}

export const entry: Entry = tableEntry(EXPLORE, parseExploreArgs);

/** Exit code when the searched Enactor never returned from a step. */
const EXIT_STUCK = 1;

/** The whole command: one error path, exit 2 for bad input, 1 for a failure inside. */
export async function exploreMain(
  argv: readonly string[],
  io: { out(line: string): void; err(line: string): void },
  env: Readonly<Record<string, string | undefined>> = process.env,
  search: SearchEnv = processSearchEnv(),
): Promise<number> {
  try {
    return await runExplorePlan(parseExploreArgs(argv), io.out, search);
  } catch (error) {
    // The learner's Enactor, not explore, failed: one line that names the step, no stack hint.
    if (error instanceof StuckStep) {
      io.err(error.message);
      return EXIT_STUCK;
    }
    return reportError('explore', error, io.err, env);
  }
}
