import { join, resolve } from 'node:path';
import { BadInput, parseFlags, wholeNumber, type FlagSpec } from '@outage-lab/cli';
import { selectDecks } from './decks.ts';
import { cornerFeedOrigin } from './page.ts';
import { decksFolder, outFolder } from './paths.ts';

const COMMANDS = ['build', 'serve', 'pdf'] as const;

/** What the slides command line may hold; read with the shared one-line errors. */
const OPTIONS: Readonly<Record<string, FlagSpec>> = {
  decks: { type: 'string' },
  out: { type: 'string' },
  port: { type: 'string' },
  html: { type: 'boolean' },
  board: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

export class UsageError extends BadInput {}

const text = (value: string | boolean | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

export interface SlidesPlan {
  readonly command: (typeof COMMANDS)[number];
  readonly decks: readonly string[];
  /** What the build needs from the command line: the decks, which of them, raw HTML allowed, the presenter's corner feed. */
  readonly options: { readonly decksDir: string; readonly only: readonly string[]; readonly html: boolean; readonly cornerFeed?: string };
  readonly outDir: string;
  /** Only for serve. */
  readonly port: number | null;
}

/**
 * The command line read and checked completely, paths included, before any deck is
 * built or any file written; null for --help. Throws a one-line BadInput.
 */
export function planSlides(argv: readonly string[], defaults: { readonly decksDir?: string; readonly boardFeed?: (board: string) => string } = {}): SlidesPlan | null {
  const { values, positionals } = parse(argv);
  if (values['help'] === true) return null;
  const [command, ...decks] = positionals;
  const known = COMMANDS.find((c) => c === command);
  if (known === undefined) {
    const got = command === undefined ? 'no command given' : `unknown command ${JSON.stringify(command)}`;
    throw new UsageError(`${got} (valid: ${COMMANDS.join(', ')}; see --help)`);
  }
  const decksDir = decksFolder(text(values['decks']) ?? defaults.decksDir ?? resolve('slides'));
  // The working directory stands for the project: a typo must not write decks over it.
  const outDir = outFolder(text(values['out']) ?? join(decksDir, 'dist'), { decksDir, repo: process.cwd() });
  const board = text(values['board']);
  if (board !== undefined && known === 'pdf') throw new UsageError('--board applies to serve and build: a printed deck has no presenter view');
  const cornerFeed = board === undefined ? undefined : boardFeedOf(board, defaults.boardFeed);
  const options = {
    decksDir,
    only: decks,
    html: values['html'] === true,
    ...(cornerFeed === undefined ? {} : { cornerFeed }),
  };
  const port = known === 'serve' ? parsePort(text(values['port'])) : null;
  if (known !== 'serve' && values['port'] !== undefined) throw new UsageError(`--port only applies to serve`);
  try {
    selectDecks(decksDir, decks);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  return { command: known, decks, options, outDir, port };
}

function parse(argv: readonly string[]): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    return parseFlags(argv, OPTIONS, { positionals: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** The feed the presenter view polls for `--board <url>`: the caller's mapping of a board's address, or the URL itself. */
function boardFeedOf(board: string, map: ((board: string) => string) | undefined): string {
  try {
    const feed = map === undefined ? board : map(board);
    cornerFeedOrigin(feed);
    return feed;
  } catch (error) {
    const why = error instanceof TypeError ? `${JSON.stringify(board)} is not a URL` : error instanceof Error ? error.message : String(error);
    throw new UsageError(`--board: ${why} (give the board's address on this machine, e.g. http://127.0.0.1:4100)`);
  }
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 8040;
  try {
    return wholeNumber('--port', value, 0, 65535);
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)} (0 picks any free port)`);
  }
}
