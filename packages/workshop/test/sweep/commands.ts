import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isGroup, type CommandGroup, type CommandTable, type Entry, type EntryContext } from '@outage-lab/cli';
import { REPO_ROOT } from '@outage-lab/course';

/**
 * Every command the project ships, read from the root package.json's scripts: each runs a
 * file (`node --import tsx <file> [fixed words]` or `tsx <file> …`) that exports its
 * `entry`, so a new script is swept without a line here, and a script whose file exports
 * no entry fails the sweep. Only scripts that hand their whole command line to another
 * tool, which reads its own flags and answers --help itself, are left out, by name.
 */
export const TOOL_SCRIPTS: Readonly<Record<string, string>> = {
  typecheck: 'turbo run typecheck',
  build: 'turbo run build',
  lint: 'eslint',
};

export interface SweptCommand {
  /** The npm script. */
  readonly name: string;
  /** Flags, sub-commands and example values the generator mixes in, so it reaches past "unknown option". */
  readonly words: readonly string[];
  /** Reads a command line as the command does, without running it: its help, or null; throws on bad input. */
  read(argv: readonly string[], context: EntryContext): string | null;
  /** How to start it as a process from the repository root, for the spot checks. */
  readonly process: readonly string[];
}

export interface ScriptLine {
  readonly file: string;
  /** Words the script puts before the user's (`lesson` in `cli.ts lesson`). */
  readonly fixed: readonly string[];
}

/** `node --import tsx <file> a b` or `tsx <file> a b` → the file and its fixed words; null for anything else. */
export function scriptLine(command: string): ScriptLine | null {
  const words = command.trim().split(/\s+/);
  let i = 0;
  if (words[0] === 'tsx') i = 1;
  else if (words[0] === 'node') {
    i = 1;
    while (words[i]?.startsWith('--') === true) i += words[i] === '--import' ? 2 : 1;
  } else return null;
  const file = words[i];
  if (file === undefined || !/\.ts$/.test(file)) return null;
  return { file, fixed: words.slice(i + 1) };
}

export function rootScripts(root: string = REPO_ROOT): Readonly<Record<string, string>> {
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
}

const tableWords = (table: CommandTable): string[] => [
  ...Object.entries(table.flags).flatMap(([name, flag]) => [`--${name}`, `--no-${name}`, `--${name}=`, ...(flag.short === undefined ? [] : [`-${flag.short}`]), ...(flag.examples ?? [])]),
  ...(table.positionals ?? []).flatMap((p) => p.examples ?? []),
];

/** The words of the table a script's fixed words choose, or of every command in a group it leaves open. */
export function wordsOf(commands: CommandTable | CommandGroup, fixed: readonly string[]): string[] {
  const help = ['-h', '--help', '--'];
  if (!isGroup(commands)) return [...tableWords(commands), ...help];
  const chosen = fixed[0] === undefined ? undefined : commands.commands[fixed[0]];
  if (chosen !== undefined) return [...tableWords(chosen), ...help];
  return [...Object.keys(commands.commands), ...Object.values(commands.commands).flatMap(tableWords), ...help];
}

const isEntry = (value: unknown): value is Entry => typeof value === 'object' && value !== null && 'commands' in value && 'read' in value && typeof value.read === 'function';

/** Every script but the tools', with its file's entry; throws naming a script whose file exports none. */
export async function sweptCommands(root: string = REPO_ROOT): Promise<SweptCommand[]> {
  const swept: SweptCommand[] = [];
  for (const [name, command] of Object.entries(rootScripts(root))) {
    if (Object.hasOwn(TOOL_SCRIPTS, name)) continue;
    const line = scriptLine(command);
    if (line === null) throw new Error(`script "${name}" (${command}) runs no TypeScript file with an entry: make it one, or name it in TOOL_SCRIPTS with why`);
    const module = (await import(pathToFileURL(join(root, line.file)).href)) as { entry?: unknown };
    const entry = module.entry;
    if (!isEntry(entry)) throw new Error(`script "${name}" runs ${line.file}, which exports no entry (its command table and how it reads a line)`);
    swept.push({
      name,
      words: wordsOf(entry.commands, line.fixed),
      read: (argv, context) => entry.read([...line.fixed, ...argv], context),
      process: ['--import', 'tsx', line.file, ...line.fixed],
    });
  }
  return swept;
}

export const SWEPT_COMMANDS: readonly SweptCommand[] = await sweptCommands();
