import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ClassError } from './client.ts';
import { invokedDirectly } from '@outage-lab/cli';
import { exportCommand, joinCommand, leaveCommand, statusCommand } from './commands.ts';
import { serveCommand } from './serve-command.ts';
import type { ClassContext, Flags } from './context.ts';

export type { ClassContext, Flags } from './context.ts';

interface Command {
  readonly usage: string;
  readonly summary: string;
  readonly positionals: number;
  readonly options: Readonly<Record<string, { type: 'string' | 'boolean' }>>;
  run(ctx: ClassContext, positionals: readonly string[], flags: Flags): Promise<number>;
}

const COMMANDS: Readonly<Record<string, Command>> = {
  serve: {
    usage: 'serve [--port 4100] [--lan] [--stuck-after 10] [--new]',
    summary: "the instructor's board, on 127.0.0.1 (--lan: on this machine's LAN address too)",
    positionals: 0,
    options: { port: { type: 'string' }, lan: { type: 'boolean' }, 'stuck-after': { type: 'string' }, new: { type: 'boolean' }, dir: { type: 'string' } },
    run: serveCommand,
  },
  join: {
    usage: 'join <url> <code> [--name <name>]',
    summary: 'share your progress (only lesson, step names and states, hints and times) with the board',
    positionals: 2,
    options: { name: { type: 'string' } },
    run: joinCommand,
  },
  status: { usage: 'status', summary: 'which board you joined, and exactly what was last sent', positionals: 0, options: {}, run: statusCommand },
  leave: { usage: 'leave', summary: 'stop sharing, and forget the board', positionals: 0, options: {}, run: leaveCommand },
  export: { usage: 'export [--out <file.csv>]', summary: "the board's session as a CSV (on the instructor's machine)", positionals: 0, options: { out: { type: 'string' }, dir: { type: 'string' } }, run: exportCommand },
};

export const USAGE = [
  'usage: npm run class -- <command>',
  ...Object.values(COMMANDS).flatMap((c) => [`  ${c.usage}`, `      ${c.summary}`]),
].join('\n');

/** One class command; every failure is one line and an exit code (2: what was typed is wrong). */
export async function runClass(argv: readonly string[], ctx: ClassContext): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    ctx.out(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  try {
    if (command === undefined) throw new ClassError(`class: unknown command "${name.slice(0, 40)}" (valid: ${Object.keys(COMMANDS).join(', ')})`, 2);
    const { positionals, values } = parse(name, command, rest);
    return await command.run(ctx, positionals, values);
  } catch (error) {
    if (error instanceof ClassError) {
      ctx.err(error.message);
      return error.exitCode;
    }
    ctx.err(`class: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
    return 1;
  }
}

function parse(name: string, command: Command, args: readonly string[]) {
  const valid = `valid: ${command.usage}`;
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const option = /'(-{1,2}[^' ]+)/.exec(error instanceof Error ? error.message : '')?.[1] ?? '';
    const message =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? `unknown option ${option}` : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ? `${option.replace(/=.*/, '')} ${/does not take/.test(String(error)) ? 'takes no value' : 'needs a value'}` : String(error instanceof Error ? error.message.split('\n')[0] : error);
    throw new ClassError(`class ${name}: ${message} (${valid})`, 2);
  }
  if (parsed.positionals.length !== command.positionals) {
    const what = parsed.positionals.length > command.positionals ? `unexpected argument "${parsed.positionals[command.positionals]?.slice(0, 40)}"` : 'missing argument';
    throw new ClassError(`class ${name}: ${what} (${valid})`, 2);
  }
  return parsed;
}

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

if (invokedDirectly(import.meta.url)) {
  const ctx: ClassContext = { root: REPO_ROOT, out: (l) => void process.stdout.write(`${l}\n`), err: (l) => void process.stderr.write(`${l}\n`), now: () => new Date() };
  void runClass(process.argv.slice(2), ctx).then((code) => process.stdout.write('', () => process.exit(code)));
}
