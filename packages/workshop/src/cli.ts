import pc from 'picocolors';
import { parseCommandArgs, requireLesson, type CommandSpec } from './args.ts';
import * as diff from './commands/diff.ts';
import * as doctor from './commands/doctor.ts';
import * as hint from './commands/hint.ts';
import * as lesson from './commands/lesson.ts';
import * as reset from './commands/reset.ts';
import * as start from './commands/start.ts';
import * as ui from './commands/ui.ts';
import { processContext, type Context } from './context.ts';
import { invokedDirectly, isBadInput, quietOnClosedPipe, reportError } from '@outage-lab/cli';
import { UsageError, WorkshopError } from './errors.ts';
import { loadManifest, ManifestError } from '@outage-lab/course';

export interface Command {
  readonly spec: CommandSpec;
  run(ctx: Context, argv: readonly string[]): Promise<number>;
}

/** In the order a learner meets them. The instructors' commands (starters, verify, replay, explore) are @outage-lab/course's. */
export const COMMANDS: readonly Command[] = [start, lesson, hint, reset, diff, doctor, ui];
const LEARNER_COMMANDS = COMMANDS;

function usage(): string[] {
  const usageOf = (c: Command): string => {
    if (c.spec.name === 'start') return 'npm start';
    const args = [c.spec.takesLesson ? ' <lesson>' : '', ...Object.keys(c.spec.options).map((f) => ` [--${f}]`)].join('');
    return `npm run ${c.spec.name}${args === '' ? '' : ` --${args}`}`;
  };
  return [
    pc.bold('Outage Lab workshop'),
    ...LEARNER_COMMANDS.flatMap((c) => [`  ${usageOf(c)}`, pc.dim(`      ${c.spec.summary}`)]),
    '',
    'A lesson is its number (2 or 02) or its name (generation-checks).',
  ];
}

/** Runs one command; every way it can fail ends in one line and an exit code, never a stack. */
export async function main(argv: readonly string[], ctx: Context): Promise<number> {
  const [name = 'start', ...rest] = argv;
  try {
    if (name === 'help' || name === '--help' || name === '-h') {
      for (const line of usage()) ctx.io.out(line);
      return 0;
    }
    const command = COMMANDS.find((c) => c.spec.name === name);
    if (command === undefined) throw new UsageError(`unknown command "${name}" (valid: ${LEARNER_COMMANDS.map((c) => c.spec.name).join(', ')})`);
    return await command.run(ctx, rest);
  } catch (error) {
    return report(ctx, error);
  }
}

/** Workshop errors carry their fix; everything else goes through the one error path. */
/**
 * The command line checked as `main` reads it, without running the command: what the
 * generated-input sweep drives for every command in COMMANDS, so a new one is swept too.
 */
export function checkArgs(argv: readonly string[], ctx: Context): void {
  const [name = 'start', ...rest] = argv;
  if (name === 'help' || name === '--help' || name === '-h') return;
  const command = COMMANDS.find((c) => c.spec.name === name);
  if (command === undefined) throw new UsageError(`unknown command "${name}" (valid: ${LEARNER_COMMANDS.map((c) => c.spec.name).join(', ')})`);
  const args = parseCommandArgs(command.spec, rest, ctx.env);
  if (command.spec.takesLesson) requireLesson(command.spec, loadManifest(ctx.root), args.lessonKey);
}

function report(ctx: Context, error: unknown): number {
  if (error instanceof WorkshopError) {
    ctx.io.err(`${pc.red(error.message)} ${pc.dim(`(fix: ${error.fix})`)}`);
    return 1;
  }
  if (error instanceof ManifestError) {
    ctx.io.err(pc.red(error.message));
    return 1;
  }
  // Usage errors already name their command (`reset: unknown lesson "9"`).
  if (isBadInput(error)) {
    ctx.io.err(pc.red(error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)));
    return 2;
  }
  return reportError('outage-lab', error, (line) => ctx.io.err(pc.red(line)), ctx.env);
}

if (invokedDirectly(import.meta.url)) {
  quietOnClosedPipe();
  // Vitest may leave handles open after closing; the command is over, so leave once output is flushed.
  void main(process.argv.slice(2), processContext()).then((code) => process.stdout.write('', () => process.exit(code)));
}
