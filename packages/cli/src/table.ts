/**
 * A command's one table: everything it accepts and the words that explain it. The parser
 * reads the command line from it, `--help` prints it, every error names what it lists,
 * and the generated-input sweep draws its inputs from it. Nothing about a flag is written
 * anywhere else.
 */

export interface Flag {
  readonly type: 'string' | 'boolean';
  /** One line for `--help`. */
  readonly help: string;
  /** The value's name in the usage line: `--port <port>`. String flags only; `value` if unset. */
  readonly value?: string;
  readonly short?: string;
  /**
   * A boolean whose `--no-<name>` means something of its own (its default is neither):
   * one line for `--help` saying what. The flag is then shown as `--[no-]<name>`.
   */
  readonly negative?: string;
  /** Values worth showing in `--help` and trying in the sweep. */
  readonly examples?: readonly string[];
  /**
   * Checks a string value as the command line is read, so a wrong one is the same one
   * line whether the command would run or not; throws a BadInput.
   */
  readonly check?: (value: string) => void;
}

export interface Positional {
  /** As the usage line shows it: `<lesson>`. */
  readonly name: string;
  readonly help: string;
  /** Whether it may be left out (shown as `[<name>]`). */
  readonly optional?: boolean;
  /** Any number of them, the last positional only (shown as `[<name> ...]`). */
  readonly many?: boolean;
  readonly examples?: readonly string[];
}

export interface CommandTable {
  /** What each error line starts with: `lesson`, `class join`. */
  readonly name: string;
  /** How it is typed, before its arguments: `npm run lesson`, `npm start`, `npm run class -- join`. */
  readonly invocation: string;
  /** One sentence: what it does. */
  readonly summary: string;
  readonly positionals?: readonly Positional[];
  readonly flags: Readonly<Record<string, Flag>>;
  /** Lines after the flags: defaults, examples, what to type next. */
  readonly notes?: readonly string[];
  /**
   * The npm script that runs it. `npm run lesson 02 --watch` (the `--` forgotten) hands
   * `--watch` to npm, which passes it on only as npm_config_watch; under this script the
   * parser takes it back.
   */
  readonly script?: string;
}

/** Commands chosen by their first argument: `npm run class -- join …`. */
export interface CommandGroup {
  readonly name: string;
  readonly invocation: string;
  readonly summary: string;
  readonly commands: Readonly<Record<string, CommandTable>>;
  readonly notes?: readonly string[];
}

/** Every table answers `--help` and `-h`; none declares it. */
export const HELP_FLAG: Flag = { type: 'boolean', short: 'h', help: 'print this help and exit' };

/** The table's flags with --help, as parseArgs and the error lines see them. */
export function allFlags(table: CommandTable): Readonly<Record<string, Flag>> {
  return { ...table.flags, help: HELP_FLAG };
}
