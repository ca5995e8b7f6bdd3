import { join, resolve } from 'node:path';
import { BadInput, parseCommand, pickCommand, stringFlag, wholeNumber, type CommandGroup, type CommandTable, type Flag } from '@outage-lab/cli';
import { selectDecks } from './decks.ts';
import { cornerFeedOrigin } from './page.ts';
import { decksFolder, outFolder } from './paths.ts';

export const SLIDES_COMMANDS = ['build', 'serve', 'pdf'] as const;
export type SlidesCommand = (typeof SLIDES_COMMANDS)[number];

/** How each command is typed; a course's npm scripts name them their own way. */
export type Invocations = Readonly<Record<SlidesCommand, string>>;

const ENGINE_INVOCATIONS: Invocations = { build: 'slides build', serve: 'slides serve', pdf: 'slides pdf' };

export const DEFAULT_PORT = 8040;

const DECK = { name: 'deck', many: true, help: 'a deck, by its file name without .md (default: every deck)', examples: ['00-outage-and-architecture'] } as const;

const SHARED: Readonly<Record<string, Flag>> = {
  decks: { type: 'string', value: 'dir', examples: ['slides'], help: 'the folder of deck .md files (default: slides)' },
  out: { type: 'string', value: 'dir', examples: ['slides/dist'], help: 'the output folder (default: <decks>/dist)' },
  html: { type: 'boolean', help: 'allow raw HTML in decks (off by default)' },
};

/** Serve and build only: a printed deck has no presenter view. */
const BOARD: Flag = {
  type: 'string',
  value: 'url',
  examples: ['http://127.0.0.1:4100'],
  help: "the presenter view shows this class board's progress in a corner (its address on this machine; a course may map it to its feed)",
};

/** The deck engine's three commands, each with its own table, typed as `invocations` says. */
export function slidesCommands(invocations: Invocations = ENGINE_INVOCATIONS): CommandGroup {
  const table = (command: SlidesCommand, summary: string, flags: Readonly<Record<string, Flag>>): CommandTable => ({
    name: 'slides',
    invocation: invocations[command],
    summary,
    positionals: [DECK],
    flags: { ...SHARED, ...flags },
  });
  return {
    name: 'slides',
    invocation: 'slides',
    summary: 'the deck engine: Markdown decks to self-contained HTML, served with live reload, or printed to PDF',
    commands: {
      build: table('build', 'write every deck (or the named ones) to the output folder as one self-contained HTML file', { board: BOARD }),
      serve: table('serve', `build, serve on http://127.0.0.1:${DEFAULT_PORT} and reload a deck when it changes`, {
        port: { type: 'string', value: 'n', examples: ['8040', '0'], help: `the port, 0 for any free one (default: ${DEFAULT_PORT})`, check: (value) => void parsePort(value) },
        board: BOARD,
      }),
      pdf: table('pdf', 'build, then print each deck to <out>/<deck>.pdf with Chromium', {}),
    },
  };
}

export interface SlidesPlan {
  readonly command: SlidesCommand;
  readonly decks: readonly string[];
  /** What the build needs from the command line: the decks, which of them, raw HTML allowed, the presenter's corner feed. */
  readonly options: { readonly decksDir: string; readonly only: readonly string[]; readonly html: boolean; readonly cornerFeed?: string };
  readonly outDir: string;
  /** Only for serve. */
  readonly port: number | null;
}

export interface PlanDefaults {
  readonly decksDir?: string;
  readonly invocations?: Invocations;
  readonly boardFeed?: (board: string) => string;
}

/**
 * The command line read and checked completely, paths included, before any deck is
 * built or any file written; null for --help. Throws a one-line BadInput.
 */
export function planSlides(argv: readonly string[], defaults: PlanDefaults = {}): SlidesPlan | null {
  const group = slidesCommands(defaults.invocations);
  const picked = pickCommand(group, argv);
  const known = SLIDES_COMMANDS.find((c) => c === picked?.name);
  if (picked === null || known === undefined) return null;
  const { help, flags, positionals: decks } = parseCommand(picked.table, picked.rest);
  if (help) return null;
  const decksDir = decksFolder(stringFlag(flags, 'decks') ?? defaults.decksDir ?? resolve('slides'));
  // The working directory stands for the project: a typo must not write decks over it.
  const outDir = outFolder(stringFlag(flags, 'out') ?? join(decksDir, 'dist'), { decksDir, repo: process.cwd() });
  const board = stringFlag(flags, 'board');
  const cornerFeed = board === undefined ? undefined : boardFeedOf(board, defaults.boardFeed);
  const options = { decksDir, only: decks, html: flags['html'] === true, ...(cornerFeed === undefined ? {} : { cornerFeed }) };
  const port = known === 'serve' ? parsePort(stringFlag(flags, 'port') ?? String(DEFAULT_PORT)) : null;
  try {
    selectDecks(decksDir, decks);
  } catch (error) {
    throw new BadInput(error instanceof Error ? error.message : String(error));
  }
  return { command: known, decks, options, outDir, port };
}

/** The feed the presenter view polls for `--board <url>`: the caller's mapping of a board's address, or the URL itself. */
function boardFeedOf(board: string, map: ((board: string) => string) | undefined): string {
  try {
    const feed = map === undefined ? board : map(board);
    cornerFeedOrigin(feed);
    return feed;
  } catch (error) {
    const why = error instanceof TypeError ? `${JSON.stringify(board)} is not a URL` : error instanceof Error ? error.message : String(error);
    throw new BadInput(`--board: ${why} (give the board's address on this machine, e.g. http://127.0.0.1:4100)`);
  }
}

function parsePort(value: string): number {
  try {
    return wholeNumber('--port', value, 0, 65535);
  } catch (error) {
    throw new BadInput(`${error instanceof Error ? error.message : String(error)} (0 picks any free port)`);
  }
}
