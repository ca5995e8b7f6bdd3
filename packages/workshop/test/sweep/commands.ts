import { BadInput } from '@outage-lab/cli';
import { EXPLORE_FLAGS, parseExploreArgs } from '@outage-lab/course/explore';
import { planSlides } from '@outage-lab/slides/plan';
import { parseTestArgs, TEST_FLAGS } from '@outage-lab/course/test-args';
import { parseVerifyArgs, VERIFY_FLAGS } from '@outage-lab/course/verify-args';
import { parseStartersArgs, STARTERS_FLAGS } from '@outage-lab/course/starters-args';
import { checkArgs, COMMANDS } from '../../src/cli.ts';
import type { Context } from '../../src/context.ts';
import { parseReplayArgs } from '@outage-lab/course/replay-args';

/**
 * THE table of every command the project ships, for the generated-input sweep: its
 * name, the flags worth generating, and its argument parser called in this process. The
 * learner's commands come from the CLI's own registry, so a command added there is swept
 * without touching this file; a new entry point (a new script, a new package's CLI) gets
 * one line here.
 */
export interface SweptCommand {
  readonly name: string;
  /** Flags (and sub-commands) the generator mixes in, so it reaches past "unknown option". */
  readonly words: readonly string[];
  /** Reads a command line as the command does, without running it; throws on bad input. */
  parse(argv: readonly string[], ctx: Context): void;
  /** How to start it as a process from the repository root, for the spot checks. */
  readonly process: readonly string[];
}

/** The replay CLI's parser returns its one line; as an error it takes the shared path. */
class ReplayUsage extends BadInput {}

const flagWords = (flags: Readonly<Record<string, unknown>>): string[] => Object.keys(flags).flatMap((f) => [`--${f}`, `--no-${f}`, `--${f}=`]);

const workshop: SweptCommand[] = COMMANDS.map((command) => ({
  name: command.spec.name,
  words: [...flagWords(command.spec.options), '01', '1', '02', 'generation-checks', '-h', '--help'],
  parse: (argv, ctx) => checkArgs([command.spec.name, ...argv], ctx),
  process: ['--import', 'tsx', 'packages/workshop/src/cli.ts', command.spec.name],
}));

export const SWEPT_COMMANDS: readonly SweptCommand[] = [
  ...workshop,
  {
    name: 'explore',
    words: [...flagWords(EXPLORE_FLAGS), 'smallScope', 'october2025', 'october2025Exploration', 'happyPath', 'exhaustive', 'random', 'pct', 'smallScope@replay#0:P.a1', 'october2025@timed#1'],
    parse: (argv) => void parseExploreArgs(argv),
    process: ['--import', 'tsx', 'packages/course/src/explore/cli.ts'],
  },
  {
    name: 'replay',
    words: [...flagWords({ fixes: 0, html: 0, seed: 0, help: 0 }), 'dns', 'nlb,ec2', 'all', 'none', 'report.html'],
    parse: (argv) => {
      const parsed = parseReplayArgs(argv);
      if (typeof parsed === 'string') throw new ReplayUsage(parsed);
    },
    process: ['--import', 'tsx', 'packages/course/src/replay/cli.ts'],
  },
  {
    name: 'slides',
    words: [...flagWords({ decks: 0, out: 0, manifest: 0, port: 0, html: 0, help: 0 }), 'build', 'serve', 'pdf', 'slides', 'slides/dist', '00-outage-and-architecture'],
    parse: (argv) => void planSlides(argv),
    process: ['--import', 'tsx', 'packages/course/src/decks/cli.ts'],
  },
  { name: 'starters', words: flagWords(STARTERS_FLAGS), parse: (argv) => void parseStartersArgs(argv), process: ['--import', 'tsx', 'packages/course/src/starters/cli.ts'] },
  { name: 'verify', words: flagWords(VERIFY_FLAGS), parse: (argv) => void parseVerifyArgs(argv), process: ['--import', 'tsx', 'packages/course/src/verify/cli.ts'] },
  { name: 'test', words: flagWords(TEST_FLAGS), parse: (argv) => void parseTestArgs(argv), process: ['--import', 'tsx', 'scripts/test.ts'] },
];
