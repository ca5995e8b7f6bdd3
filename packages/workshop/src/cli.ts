import pc from 'picocolors';
import { BadInput, Blocked, entryHelp, errorLine, invokedDirectly, isBadInput, pickCommand, quietOnClosedPipe, reportError, type CommandGroup, type CommandTable, type Entry } from '@outage-lab/cli';
import { loadManifest, ManifestError } from '@outage-lab/course';
import { parseCommandArgs, requireLesson } from './args.ts';
import * as diff from './commands/diff.ts';
import * as doctor from './commands/doctor.ts';
import * as hint from './commands/hint.ts';
import * as lesson from './commands/lesson.ts';
import * as reset from './commands/reset.ts';
import * as start from './commands/start.ts';
import * as ui from './commands/ui.ts';
import { processContext, type Context } from './context.ts';

export interface Command {
  readonly spec: CommandTable;
  run(ctx: Context, argv: readonly string[]): Promise<number>;
}

/** In the order a learner meets them. The instructors' commands (starters, verify, replay, explore) are @outage-lab/course's. */
export const COMMANDS: readonly Command[] = [start, lesson, hint, reset, diff, doctor, ui];

/** Each npm script runs this file with its command's name first: `npm run lesson -- 02` is `cli.ts lesson 02`. */
export const WORKSHOP: CommandGroup = {
  name: 'outage-lab',
  invocation: 'npm run',
  summary: 'the Outage Lab workshop: the commands a learner types',
  commands: Object.fromEntries(COMMANDS.map((c) => [c.spec.name, c.spec])),
  notes: ['A lesson is its number (2 or 02) or its name (generation-checks). Any command takes --help.'],
};

/** Nothing typed is `npm start`'s dashboard. */
const withCommand = (argv: readonly string[]): readonly string[] => (argv.length === 0 ? ['start'] : argv);

function commandOf(argv: readonly string[]): { command: Command; rest: readonly string[] } | null {
  const picked = pickCommand(WORKSHOP, argv);
  if (picked === null) return null;
  const command = COMMANDS.find((c) => c.spec.name === picked.name);
  if (command === undefined) throw new BadInput(`unknown command ${JSON.stringify(picked.name)}`, WORKSHOP.name);
  return { command, rest: picked.rest };
}

/** Runs one command; every way it can fail ends in one line and an exit code, never a stack. */
export async function main(argv: readonly string[], ctx: Context): Promise<number> {
  try {
    const help = entryHelp(WORKSHOP, withCommand(argv));
    if (help !== null) {
      ctx.io.out(help);
      return 0;
    }
    const picked = commandOf(withCommand(argv));
    return picked === null ? 0 : await picked.command.run(ctx, picked.rest);
  } catch (error) {
    return report(ctx, error);
  }
}

/**
 * The command line checked as `main` reads it, without running the command: what the
 * generated-input sweep drives for every script that runs this file.
 */
export function checkArgs(argv: readonly string[], ctx: Pick<Context, 'root' | 'env'>): string | null {
  const help = entryHelp(WORKSHOP, withCommand(argv));
  if (help !== null) return help;
  const picked = commandOf(withCommand(argv));
  if (picked === null) return null;
  const args = parseCommandArgs(picked.command.spec, picked.rest, ctx);
  if (picked.command.spec.positionals !== undefined) requireLesson(picked.command.spec, loadManifest(ctx.root), args.lessonKey);
  return null;
}

export const entry: Entry = { commands: WORKSHOP, read: checkArgs };

/** A command that cannot go ahead says so in red with its fix; everything else goes through the one error path. */
function report(ctx: Context, error: unknown): number {
  if (error instanceof Blocked) {
    ctx.io.err(`${pc.red(error.message)}${error.fix === undefined ? '' : ` ${pc.dim(`(fix: ${error.fix})`)}`}`);
    return 1;
  }
  if (error instanceof ManifestError) {
    ctx.io.err(pc.red(error.message));
    return 1;
  }
  if (isBadInput(error)) {
    ctx.io.err(pc.red(errorLine(WORKSHOP.name, error)));
    return 2;
  }
  return reportError(WORKSHOP.name, error, (line) => ctx.io.err(pc.red(line)), ctx.env);
}

if (invokedDirectly(import.meta.url)) {
  quietOnClosedPipe();
  // Vitest may leave handles open after closing; the command is over, so leave once output is flushed.
  void main(process.argv.slice(2), processContext()).then((code) => process.stdout.write('', () => process.exit(code)));
}
