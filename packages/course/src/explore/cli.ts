/**
 * `npm run explore`: look for the race from the command line, or replay a counterexample.
 *   npm run explore                                  exhaustive search of smallScope
 *   npm run explore -- --scenario october2025Exploration --strategy random --runs 5000
 *   npm run explore -- --replay 'smallScope@replay#0:P.a1.P.P.P.a2.a2.a2.a1.a1.a2'
 *   npm run explore -- --replay 'october2025@timed#20251019'
 */
import { parseArgs } from 'node:util';
import {
  ConfigError,
  DNS_INVARIANTS,
  DNS_SCENARIOS,
  createDnsModel,
  explainFailure,
  explore,
  exploreExhaustively,
  formatCounterexample,
  parseReplay,
  regionalEndpointResolves,
} from '@outage-lab/core';

const STRATEGIES = ['exhaustive', 'random', 'pct'] as const;
const USAGE = 'usage: npm run explore -- [--scenario <name>] [--strategy exhaustive|random|pct] [--runs N] [--all-invariants] | --replay <string>';

function main(argv: readonly string[]): number {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      scenario: { type: 'string', default: 'smallScope' },
      strategy: { type: 'string', default: 'exhaustive' },
      runs: { type: 'string', default: '2000' },
      replay: { type: 'string' },
      'all-invariants': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const invariants = values['all-invariants'] ? DNS_INVARIANTS : [regionalEndpointResolves, ...DNS_INVARIANTS.filter((i) => i.kind === 'liveness')];
  if (values.replay !== undefined) {
    const spec = parseReplay(values.replay);
    const scenario = lookup(spec.scenario);
    const model = createDnsModel(scenario.config, { name: scenario.name });
    const cx = explainFailure(model, { seed: spec.seed, scheduler: spec.scheduler, invariants: DNS_INVARIANTS, untilMs: scenario.untilMs, shrink: false });
    console.log(cx === null ? `${values.replay}: no invariant broke` : formatCounterexample(cx));
    return 0;
  }
  const scenario = lookup(values.scenario);
  const strategy = STRATEGIES.find((s) => s === values.strategy);
  if (strategy === undefined) throw new ConfigError('--strategy', `"${values.strategy}" is not known`, STRATEGIES.join(', '));
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new ConfigError('--runs', `"${values.runs}" is not a whole number`, 'a whole number ≥ 1');
  const model = createDnsModel(scenario.config, { name: scenario.name });
  if (strategy === 'exhaustive') {
    const result = exploreExhaustively(model, { invariants });
    console.log(`${scenario.name}: ${result.states} states, ${result.transitions} transitions explored${result.complete ? ' (complete)' : ''}`);
    console.log(result.counterexample === null ? 'no invariant broke' : formatCounterexample(result.counterexample));
    return 0;
  }
  const result = explore(model, { invariants, strategy, runs });
  console.log(`${scenario.name}: ${result.runs} ${strategy} schedules explored`);
  console.log(result.counterexample === null ? 'no invariant broke' : formatCounterexample(result.counterexample));
  return 0;
}

function lookup(name: string) {
  const scenario = DNS_SCENARIOS[name];
  if (scenario === undefined) throw new ConfigError('scenario', `"${name}" is not known`, Object.keys(DNS_SCENARIOS).join(', '));
  return scenario;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  const isArgs = (error as { code?: unknown }).code?.toString().startsWith('ERR_PARSE_ARGS') === true;
  if (!(error instanceof ConfigError) && !isArgs) throw error;
  console.error(`explore: ${message}${isArgs ? ' (valid: --scenario, --strategy, --runs, --replay, --all-invariants, --help)' : ''}`);
  process.exitCode = 2;
}
