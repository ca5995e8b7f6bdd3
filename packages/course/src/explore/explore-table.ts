import type { CommandTable } from '@outage-lab/cli';

export const STRATEGIES = ['exhaustive', 'random', 'pct'] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** More threads than this only add start-up cost on the laptops the workshop runs on. */
export const MAX_WORKERS = 64;

/** Everything `npm run explore` accepts; which flags go together is checked in parseExploreArgs. */
export const EXPLORE: CommandTable = {
  name: 'explore',
  invocation: 'npm run explore',
  script: 'explore',
  summary: 'look for the race from the command line, or replay a counterexample it printed',
  flags: {
    scenario: { type: 'string', value: 'name', help: 'the scenario to search (default: smallScope)', examples: ['smallScope', 'realScope', 'october2025Exploration'] },
    strategy: { type: 'string', value: 'exhaustive|random|pct', help: 'every state, or random or PCT schedules (default: exhaustive)', examples: [...STRATEGIES] },
    runs: { type: 'string', value: 'n', help: 'random or pct only: how many schedules (default: 2000)', examples: ['5000'] },
    'all-invariants': { type: 'boolean', help: 'check every invariant, not only the empty endpoint and liveness' },
    enactor: { type: 'string', value: 'file', help: 'search your Enactor instead of the faithful one', examples: ['exercises/02-generation-checks/src/enactor.ts'] },
    workers: { type: 'string', value: 'n', help: `exhaustive only: worker threads, 0 for one sequential search, up to ${MAX_WORKERS} (default: 0)`, examples: ['2'] },
    symmetry: { type: 'string', value: 'on|off', help: 'exhaustive only: treat interchangeable Enactors as one (default: on)', examples: ['on', 'off'] },
    'max-states': { type: 'string', value: 'n', help: 'exhaustive only: stop after this many states (default: 20000000)', examples: ['1000000'] },
    replay: {
      type: 'string',
      value: 'string',
      help: 'replay a counterexample instead of searching (with --enactor if it was found with one)',
      examples: ['smallScope@replay#0:P.a1.P.P.P.a2.a2.a2.a1.a1.a2', 'october2025@timed#20251351'],
    },
  },
};
