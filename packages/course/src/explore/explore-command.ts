import { createDnsModel, explainFailure, explore, exploreExhaustively, formatCounterexample, formatReplay, parseReplay, type Counterexample, type DnsConfig, type DnsObservation, type DnsScenario, type Invariant } from '@outage-lab/core';
import { DNS_INVARIANTS, DNS_SCENARIOS, newestPlanApplied, regionalEndpointResolves } from '@outage-lab/core/judge';
import { BadInput, ownEntry, parseFlags, reportError, wholeNumber, type FlagSpec } from '@outage-lab/cli';

/**
 * The explore command without its process: reads the command line completely before any
 * work starts, and gives every failure it finds as a replay string that the same command
 * replays to the same invariant, step and timeline.
 */

export const STRATEGIES = ['exhaustive', 'random', 'pct'] as const;
export type Strategy = (typeof STRATEGIES)[number];

export const EXPLORE_FLAGS: Readonly<Record<string, FlagSpec>> = {
  scenario: { type: 'string' },
  strategy: { type: 'string' },
  runs: { type: 'string' },
  replay: { type: 'string' },
  'all-invariants': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

export const EXPLORE_USAGE =
  'usage: npm run explore -- [--scenario <name>] [--strategy exhaustive|random|pct] [--runs N] [--all-invariants] | --replay <string>';

/** Every invariant by name: what replay strings may name. */
const INVARIANTS: Readonly<Record<string, Invariant<DnsObservation>>> = Object.fromEntries(DNS_INVARIANTS.map((i) => [i.name, i]));
/** What a search checks by default: the empty endpoint the lessons are about, and liveness. */
const HEADLINE: readonly Invariant<DnsObservation>[] = [regionalEndpointResolves, newestPlanApplied];

export type ExplorePlan =
  | { readonly kind: 'help' }
  | { readonly kind: 'search'; readonly scenario: DnsScenario; readonly strategy: Strategy; readonly runs: number; readonly invariants: readonly Invariant<DnsObservation>[] }
  | { readonly kind: 'replay'; readonly text: string; readonly scenario: DnsScenario; readonly seed: number; readonly choices: readonly string[] | null; readonly invariants: readonly Invariant<DnsObservation>[] };

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
  const { values } = parseFlags(argv, EXPLORE_FLAGS);
  if (values['help'] === true) return { kind: 'help' };
  const text = (flag: string): string | undefined => {
    const value = values[flag];
    return typeof value === 'string' ? value : undefined;
  };
  const replay = text('replay');
  if (replay !== undefined) {
    const others = ['scenario', 'strategy', 'runs', 'all-invariants'].filter((f) => values[f] !== undefined);
    if (others.length > 0) throw new BadInput(`--replay: the string decides the run, so --${others[0]} cannot be given with it (valid: --replay <string> alone)`);
    return replayPlan(replay);
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
  return { kind: 'search', scenario, strategy, runs, invariants: values['all-invariants'] === true ? DNS_INVARIANTS : HEADLINE };
}

/** A replay string checked completely against the registry and the scenario's actors. */
export function replayPlan(text: string): ExplorePlan {
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
  return { kind: 'replay', text, scenario, seed: spec.seed, choices, invariants };
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

export function runExplorePlan(plan: ExplorePlan, out: (line: string) => void): number {
  if (plan.kind === 'help') {
    out(EXPLORE_USAGE);
    return 0;
  }
  const model = createDnsModel(plan.scenario.config, { name: plan.scenario.name });
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
    const result = exploreExhaustively(model, { invariants: plan.invariants });
    out(`${plan.scenario.name}: ${result.states} states, ${result.transitions} transitions explored${result.complete ? ' (complete)' : ''}`);
    out(result.counterexample === null ? 'no invariant broke' : formatCounterexample(stamp(result.counterexample, plan.invariants)));
    return 0;
  }
  const result = explore(model, { invariants: plan.invariants, strategy: plan.strategy, runs: plan.runs });
  out(`${plan.scenario.name}: ${result.runs} ${plan.strategy} schedules explored`);
  out(result.counterexample === null ? 'no invariant broke' : formatCounterexample(stamp(result.counterexample, plan.invariants)));
  return 0;
}

/** The whole command: one error path, exit 2 for bad input, 1 for a failure inside. */
export function exploreMain(argv: readonly string[], io: { out(line: string): void; err(line: string): void }, env: Readonly<Record<string, string | undefined>> = process.env): number {
  try {
    return runExplorePlan(parseExploreArgs(argv), io.out);
  } catch (error) {
    return reportError('explore', error, io.err, env);
  }
}
