import { groupHelpText, helpText } from './help.ts';
import { asksForHelp, pickCommand } from './parse.ts';
import type { CommandGroup, CommandTable } from './table.ts';

/** What a command line is read against besides itself: the repository, and npm's leftovers. */
export interface EntryContext {
  readonly root: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * Reads a command line completely, as the command would (values, lessons and paths
 * checked too), without running it or writing anything. Returns the help text when the
 * line asks for it, null when the command would run; throws a BadInput for a bad line.
 */
export type EntryRead = (argv: readonly string[], context: EntryContext) => string | null;

/**
 * What the file an npm script runs exports as `entry`: its commands, and how it reads a
 * command line. The generated-input sweep finds every script's file in the root
 * package.json and drives this, so a new script is swept without a line of test code.
 */
export interface Entry {
  readonly commands: CommandTable | CommandGroup;
  readonly read: EntryRead;
}

export const isGroup = (commands: CommandTable | CommandGroup): commands is CommandGroup => 'commands' in commands;

/** The help a line asks for (the group's, or the named command's), or null. */
export function entryHelp(commands: CommandTable | CommandGroup, argv: readonly string[]): string | null {
  if (!isGroup(commands)) return asksForHelp(argv) ? helpText(commands) : null;
  const picked = pickCommand(commands, argv);
  if (picked === null) return groupHelpText(commands);
  return asksForHelp(picked.rest) ? helpText(picked.table) : null;
}


/**
 * The entry of a file that serves one table: its help, or the line read by `parse` (the
 * table alone when the command checks nothing more before it runs).
 */
export function tableEntry(table: CommandTable, parse: (argv: readonly string[], context: EntryContext) => void = () => undefined): Entry {
  return {
    commands: table,
    read: (argv, context) => {
      const help = entryHelp(table, argv);
      if (help !== null) return help;
      parse(argv, context);
      return null;
    },
  };
}
