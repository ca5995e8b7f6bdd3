import { fileURLToPath } from 'node:url';
import { asksForHelp, BadInput, groupHelpText, helpText, invokedDirectly, parseCommand, pickCommand, reportError, type CommandGroup, type CommandTable, type Entry, type EntryContext } from '@outage-lab/cli';
import { BOARD_DIR, exportCommand, joinCommand, leaveCommand, statusCommand } from './commands.ts';
import { DEFAULT_PORT, DEFAULT_STUCK_MINUTES, minutesFrom, portFrom, serveCommand } from './serve-command.ts';
import type { ClassContext, Flags } from './context.ts';

export type { ClassContext, Flags } from './context.ts';

type Run = (ctx: ClassContext, positionals: readonly string[], flags: Flags) => Promise<number>;

const sub = (name: string, table: Omit<CommandTable, 'name' | 'invocation' | 'script'>): CommandTable => ({ ...table, name: `class ${name}`, invocation: `npm run class -- ${name}`, script: 'class' });

/** Checked as the line is read, so a wrong name costs nothing. */
const csvName = (value: string): void => {
  if (!value.endsWith('.csv')) throw new BadInput(`--out ${JSON.stringify(value)} must end in .csv`);
};

const dir = { type: 'string', value: 'dir', help: `the folder the session is kept in (default: ${BOARD_DIR})` } as const;

const COMMANDS: Readonly<Record<string, { readonly table: CommandTable; readonly run: Run }>> = {
  serve: {
    table: sub('serve', {
      summary: "the instructor's board, on 127.0.0.1 (--lan: on this machine's LAN address too)",
      flags: {
        port: { type: 'string', value: 'port', examples: ['4100', '0'], help: `the port, 0 for any free one (default: ${DEFAULT_PORT})`, check: (v) => void portFrom(v) },
        lan: { type: 'boolean', help: "listen on this machine's LAN address too, so learners' laptops can join" },
        'stuck-after': { type: 'string', value: 'minutes', examples: ['10', '2.5'], help: `minutes on one failing step before a learner shows as stuck (default: ${DEFAULT_STUCK_MINUTES})`, check: (v) => void minutesFrom(v) },
        new: { type: 'boolean', help: 'start a new session; the last one is kept beside it' },
        dir,
      },
    }),
    run: serveCommand,
  },
  join: {
    table: sub('join', {
      summary: 'share your progress (only lesson, step names and states, hints and times) with the board',
      positionals: [
        { name: 'url', help: 'the address the board printed', examples: ['http://192.168.1.20:4100'] },
        { name: 'code', help: 'the join code the board printed', examples: ['ABCD-1234'] },
      ],
      flags: { name: { type: 'string', value: 'name', examples: ['Ada'], help: 'the name the board shows (default: a made-up one)' } },
    }),
    run: joinCommand,
  },
  status: { table: sub('status', { summary: 'which board you joined, and exactly what was last sent', flags: {} }), run: statusCommand },
  leave: { table: sub('leave', { summary: 'stop sharing, and forget the board', flags: {} }), run: leaveCommand },
  export: {
    table: sub('export', {
      summary: "the board's session as a CSV (on the instructor's machine)",
      flags: { out: { type: 'string', value: 'file.csv', examples: ['session.csv'], help: 'where to write it (default: class-<time>.csv in the session folder)', check: csvName }, dir },
    }),
    run: exportCommand,
  },
};

export const CLASS: CommandGroup = {
  name: 'class',
  invocation: 'npm run class --',
  summary: "a class board: the instructor serves it, learners join it and share their progress, never their code",
  commands: Object.fromEntries(Object.entries(COMMANDS).map(([name, c]) => [name, c.table])),
};

/** The command line read as runClass reads it, without running anything: the help it asks for, or null. */
function read(argv: readonly string[], context: Pick<EntryContext, 'env'>): { help: string } | { run: Run; positionals: readonly string[]; flags: Flags } {
  const picked = pickCommand(CLASS, argv);
  // pickCommand names only commands of the group: no name is the group's own --help.
  const command = picked === null ? undefined : COMMANDS[picked.name];
  if (picked === null || command === undefined) return { help: groupHelpText(CLASS) };
  if (asksForHelp(picked.rest)) return { help: helpText(command.table) };
  const { positionals, flags } = parseCommand(command.table, picked.rest, { env: context.env });
  return { run: command.run, positionals, flags };
}

export const entry: Entry = {
  commands: CLASS,
  read: (argv, context) => {
    const line = read(argv, context);
    return 'help' in line ? line.help : null;
  },
};

/** One class command; every failure is one line and an exit code (2: what was typed is wrong). */
export async function runClass(argv: readonly string[], ctx: ClassContext, env: Readonly<Record<string, string | undefined>> = {}): Promise<number> {
  try {
    const line = read(argv, { env });
    if ('help' in line) {
      ctx.out(line.help);
      return 0;
    }
    return await line.run(ctx, line.positionals, line.flags);
  } catch (error) {
    return reportError(CLASS.name, error, ctx.err);
  }
}

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

if (invokedDirectly(import.meta.url)) {
  const ctx: ClassContext = { root: REPO_ROOT, out: (l) => void process.stdout.write(`${l}\n`), err: (l) => void process.stderr.write(`${l}\n`), now: () => new Date() };
  void runClass(process.argv.slice(2), ctx, process.env).then((code) => process.stdout.write('', () => process.exit(code)));
}
