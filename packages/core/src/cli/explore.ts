/**
 * `npm run explore`: look for the race from the command line, or replay a counterexample.
 *   npm run explore                                  exhaustive search of smallScope
 *   npm run explore -- --scenario realScope --all-invariants --workers 2 \
 *     --enactor exercises/02-generation-checks/src/enactor.ts
 *                                                    every state of the night's real size, your Enactor
 *   npm run explore -- --scenario october2025Exploration --strategy random --runs 5000
 *   npm run explore -- --replay 'smallScope@replay#0:P.a1.P.P.P.a2.a2.a2.a1.a1.a2'
 *   npm run explore -- --replay 'october2025@timed#20251019'
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { EnactorProgram } from '../dns/enactor-steps.ts';
import { ConfigError } from '../config-error.ts';
import { DNS_INVARIANTS, regionalEndpointResolves } from '../dns/invariants.ts';
import { createDnsModel } from '../dns/model.ts';
import { DNS_SCENARIOS } from '../scenarios/dns-scenarios.ts';
import { explainFailure, formatCounterexample } from '../sim/counterexample.ts';
import { exhaustiveSearch } from './exhaustive-search.ts';
import { explore } from '../sim/explore.ts';
import { parseReplay } from '../sim/replay.ts';

const STRATEGIES = ['exhaustive', 'random', 'pct'] as const;
const USAGE =
  'usage: npm run explore -- [--scenario <name>] [--strategy exhaustive|random|pct] [--runs N] [--all-invariants] [--workers N] [--symmetry on|off] [--max-states N] [--enactor <file>] | --replay <string>';

async function main(argv: readonly string[]): Promise<number> {
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
      workers: { type: 'string', default: '0' },
      symmetry: { type: 'string', default: 'on' },
      'max-states': { type: 'string', default: '20000000' },
      enactor: { type: 'string' },
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
  const enactor = values.enactor === undefined ? undefined : await loadEnactor(values.enactor);
  const model = createDnsModel(scenario.config, { name: scenario.name, ...(enactor === undefined ? {} : { enactor: enactor.program }) });
  if (strategy === 'exhaustive') {
    const workers = wholeNumber('--workers', values.workers, 0);
    const maxStates = wholeNumber('--max-states', values['max-states'], 1);
    if (values.symmetry !== 'on' && values.symmetry !== 'off') throw new ConfigError('--symmetry', `"${values.symmetry}" is neither on nor off`, 'on or off');
    return exhaustiveSearch(scenario, model, {
      invariants,
      workers,
      maxStates,
      symmetry: values.symmetry === 'on',
      ...(enactor === undefined ? {} : { enactorModule: enactor.url }),
    });
  }
  const result = explore(model, { invariants, strategy, runs });
  console.log(`${scenario.name}: ${result.runs} ${strategy} schedules explored`);
  console.log(result.counterexample === null ? 'no invariant broke' : formatCounterexample(result.counterexample));
  return 0;
}

/** `--enactor <file>`: a module exporting a `DnsEnactor` class, such as lesson 02's `src/enactor.ts`. */
async function loadEnactor(path: string): Promise<{ program: EnactorProgram; url: string }> {
  const file = resolve(path);
  const valid = 'a .ts file that exports a DnsEnactor class, e.g. exercises/02-generation-checks/src/enactor.ts';
  if (!existsSync(file) || !statSync(file).isFile()) throw new ConfigError('--enactor', `${JSON.stringify(path)} is not a file`, valid);
  const url = pathToFileURL(file).href;
  const module = (await import(url)) as Record<string, unknown>;
  const Enactor = module.DnsEnactor;
  if (typeof Enactor !== 'function') throw new ConfigError('--enactor', `${JSON.stringify(path)} exports no DnsEnactor class`, valid);
  return { program: Reflect.construct(Enactor, []) as EnactorProgram, url };
}

function wholeNumber(flag: string, text: string, least: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < least) throw new ConfigError(flag, `"${text}" is not a whole number ≥ ${least}`, `a whole number ≥ ${least}`);
  return n;
}

function lookup(name: string) {
  const scenario = DNS_SCENARIOS[name];
  if (scenario === undefined) throw new ConfigError('scenario', `"${name}" is not known`, Object.keys(DNS_SCENARIOS).join(', '));
  return scenario;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  const isArgs = (error as { code?: unknown }).code?.toString().startsWith('ERR_PARSE_ARGS') === true;
  if (!(error instanceof ConfigError) && !isArgs) throw error;
  console.error(`explore: ${message}${isArgs ? ' (valid: --scenario, --strategy, --runs, --replay, --all-invariants, --workers, --symmetry, --max-states, --enactor, --help)' : ''}`);
  process.exitCode = 2;
}
