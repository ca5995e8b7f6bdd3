import { parseArgs } from 'node:util';
import { BadInput, firstLine } from './errors.ts';
import { flagText, usageLine } from './help.ts';
import { allFlags, type CommandGroup, type CommandTable, type Flag, type Positional } from './table.ts';

export type FlagValues = Readonly<Record<string, string | boolean | undefined>>;

/** A command line read against its table: `help` when it asked for --help (nothing else is checked then). */
export interface ParsedCommand {
  readonly help: boolean;
  readonly flags: FlagValues;
  readonly positionals: readonly string[];
}

export interface ParseOptions {
  /** Where npm leaves the flags it kept for itself (process.env); none by default. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** A better line than "missing <name>" for a positional left out, when the command knows the choices. */
  readonly missing?: (positional: Positional) => string;
}

/** `--help` or `-h` anywhere before a `--`: help wins over every other problem on the line. */
export function asksForHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

/**
 * node:util's parseArgs reads `--runs -5` as a flag without a value ("argument is
 * ambiguous"), so the learner hears the wrong problem. A value that looks like a number
 * is joined to its flag (`--runs=-5`) so the flag's own check can say what is valid.
 */
export function joinNegativeValues(argv: readonly string[], flags: Readonly<Record<string, Pick<Flag, 'type'>>>): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : null;
    if (name !== null && Object.hasOwn(flags, name) && flags[name]?.type === 'string' && next !== undefined && /^-[\d.]/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

const validFlags = (table: CommandTable): string => Object.entries(allFlags(table)).map(([name, flag]) => flagText(name, flag)).join(', ');

const fail = (table: CommandTable, message: string): BadInput => new BadInput(message, table.name);

/** One of parseArgs' complaints as the one line every command uses. */
function describeParseError(table: CommandTable, error: unknown): BadInput {
  const code = (error as { code?: unknown } | null)?.code;
  const message = firstLine(error instanceof Error ? error.message : String(error));
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  const name = quoted.replace(/^-+/, '').replace(/[= ].*$/, '');
  const flags = allFlags(table);
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return fail(table, `unknown option ${JSON.stringify(quoted.replace(/=.*$/s, ''))} (valid: ${validFlags(table)})`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const flag = Object.hasOwn(flags, name) ? flags[name] : undefined;
      if (flag === undefined || flag.type === 'boolean') return fail(table, `--${name} takes no value (valid: --${name} on its own)`);
      const shown = flag.value ?? 'value';
      return fail(table, `--${name} needs a value (valid: --${name} <${shown}> or --${name}=<${shown}>)`);
    }
    default:
      throw error;
  }
}

/**
 * The flags npm kept for itself when the `--` was forgotten, under this table's script:
 * `npm run replay --fixes=dns` arrives as npm_config_fixes=dns and is taken back. A
 * string flag that arrives as "true" lost its value to a stray argument (`--fixes dns`),
 * which cannot be put back safely: that is one line saying where the `--` goes.
 */
export function flagsNpmKept(table: CommandTable, env: Readonly<Record<string, string | undefined>>): Record<string, string | boolean> {
  if (table.script === undefined || env['npm_lifecycle_event'] !== table.script) return {};
  const kept: Record<string, string | boolean> = {};
  for (const [name, flag] of Object.entries(table.flags)) {
    const value = env[`npm_config_${name.replaceAll('-', '_')}`];
    // npm leaves `--no-<name>` as an empty value: taken back only where it means something.
    if (value === '' && flag.type === 'boolean' && flag.negative !== undefined) kept[name] = false;
    if (value === undefined || value === '') continue;
    if (flag.type === 'boolean') {
      if (value === 'true') kept[name] = true;
    } else if (value === 'true') {
      throw fail(table, `npm took --${name} for itself (valid: put -- before the flags, npm run ${table.script} -- --${name} <${flag.value ?? 'value'}>)`);
    } else {
      kept[name] = value;
    }
  }
  return kept;
}

const quote = (text: string): string => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

/**
 * Reads a command line against its table, strictly: every problem is a BadInput whose one
 * line names it and what is valid, and whose command is the table's name.
 */
export function parseCommand(table: CommandTable, argv: readonly string[], options: ParseOptions = {}): ParsedCommand {
  if (asksForHelp(argv)) return { help: true, flags: {}, positionals: [] };
  const flags = allFlags(table);
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: joinNegativeValues(argv, flags),
      options: Object.fromEntries(Object.entries(flags).map(([name, f]) => [name, f.short === undefined ? { type: f.type } : { type: f.type, short: f.short }])),
      strict: true,
      allowPositionals: true,
      allowNegative: true,
    });
  } catch (error) {
    throw describeParseError(table, error);
  }
  // First: a flag npm kept leaves its value behind as a stray argument, and the flag is the problem to name.
  const kept = flagsNpmKept(table, options.env ?? {});
  const declared = table.positionals ?? [];
  const open = declared.at(-1)?.many === true;
  if (!open && parsed.positionals.length > declared.length) {
    const extra = parsed.positionals[declared.length] ?? '';
    throw fail(table, `unexpected argument ${quote(extra)} (valid: ${usageLine(table)})`);
  }
  const absent = declared.find((p, i) => p.optional !== true && p.many !== true && parsed.positionals[i] === undefined);
  if (absent !== undefined) throw fail(table, options.missing?.(absent) ?? `missing <${absent.name}>: ${absent.help} (valid: ${usageLine(table)})`);
  const values = { ...kept, ...parsed.values };
  for (const [name, value] of Object.entries(values)) {
    if (typeof value !== 'string') continue;
    const check = Object.hasOwn(table.flags, name) ? table.flags[name]?.check : undefined;
    try {
      check?.(value);
    } catch (error) {
      if (error instanceof BadInput) throw fail(table, error.message);
      throw error;
    }
  }
  return { help: false, flags: values, positionals: parsed.positionals };
}

/** Which of a group's commands the line names, and the rest of the line; null for the group's own --help. */
export function pickCommand(group: CommandGroup, argv: readonly string[]): { readonly name: string; readonly table: CommandTable; readonly rest: readonly string[] } | null {
  const [name, ...rest] = argv;
  if (name === 'help' || name === '--help' || name === '-h') return null;
  const valid = `valid: ${Object.keys(group.commands).join(', ')}; --help for more`;
  if (name === undefined) throw new BadInput(`which command? (${valid})`, group.name);
  const table = Object.hasOwn(group.commands, name) ? group.commands[name] : undefined;
  if (table === undefined) throw new BadInput(`unknown command ${quote(name)} (${valid})`, group.name);
  return { name, table, rest };
}

/** A string flag's value, or undefined (a boolean never stands for a value). */
export const stringFlag = (flags: FlagValues, name: string): string | undefined => {
  const value = flags[name];
  return typeof value === 'string' ? value : undefined;
};
