import pc from 'picocolors';
import { helpText, invokedDirectly, parseCommand, reportError, tableEntry, type CommandTable, type Entry } from '@outage-lab/cli';
import { loadManifest, REPO_ROOT } from '../manifest.ts';
import { snapshotStarters, staleStarters, STARTERS_DIR } from './pristine.ts';

/** `npm ci` runs it too, as the root package's prepare script. */
export const STARTERS: CommandTable = {
  name: 'starters',
  invocation: 'npm run starters',
  script: 'starters',
  summary: `make the pristine copies of the lessons' starter files in ${STARTERS_DIR} that reset restores (npm ci does it)`,
  flags: {
    check: { type: 'boolean', help: 'only report copies that are missing or out of date; exit 1 if any' },
    refresh: { type: 'boolean', help: 'instructors, on a clean tree: overwrite copies that differ from the starters' },
  },
};

export interface StartersIo {
  out(line: string): void;
  err(line: string): void;
}

export interface StartersFlags {
  readonly check: boolean;
  readonly refresh: boolean;
  readonly help: boolean;
}

/** Reads the command line without doing anything; a bad one throws a one-line BadInput. */
export function parseStartersArgs(argv: readonly string[]): StartersFlags {
  const { help, flags } = parseCommand(STARTERS, argv);
  return { help, check: flags['check'] === true, refresh: flags['refresh'] === true };
}

export const entry: Entry = tableEntry(STARTERS, parseStartersArgs);

/** `starters`: the instructors' command behind `npm ci`'s prepare step. Returns the exit code. */
export function starters(argv: readonly string[], io: StartersIo, root: string = REPO_ROOT): number {
  let flags: StartersFlags;
  try {
    flags = parseStartersArgs(argv);
  } catch (error) {
    return reportError(STARTERS.name, error, io.err);
  }
  if (flags.help === true) {
    io.out(helpText(STARTERS));
    return 0;
  }
  const manifest = loadManifest(root);
  if (flags.check === true) {
    const stale = staleStarters(root, manifest);
    for (const path of stale) io.out(`${pc.red('✗')} ${path}: pristine copy missing or different`);
    io.out(stale.length === 0 ? pc.green(`Pristine copies match the starters of ${manifest.lessons.length} lessons.`) : 'On a clean tree, refresh them: npm run starters -- --refresh');
    return stale.length === 0 ? 0 : 1;
  }
  const written = snapshotStarters(root, manifest, { refresh: flags.refresh === true });
  for (const path of written) io.out(`wrote ${path}`);
  if (written.length === 0) io.out('Pristine copies of the starters are in place.');
  return 0;
}

if (invokedDirectly(import.meta.url)) {
  try {
    process.exitCode = starters(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) });
  } catch (error) {
    process.exitCode = reportError(STARTERS.name, error, (line) => console.error(line));
  }
}
