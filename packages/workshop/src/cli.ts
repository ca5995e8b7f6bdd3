import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import pc from 'picocolors';
import type { CommandSpec } from './args.ts';
import * as diff from './commands/diff.ts';
import * as doctor from './commands/doctor.ts';
import * as hint from './commands/hint.ts';
import * as lesson from './commands/lesson.ts';
import * as reset from './commands/reset.ts';
import * as start from './commands/start.ts';
import * as ui from './commands/ui.ts';
import { processContext, type Context } from './context.ts';
import { UsageError, WorkshopError } from './errors.ts';
import { ManifestError } from '@outage-lab/course';

interface Command {
  readonly spec: CommandSpec;
  run(ctx: Context, argv: readonly string[]): Promise<number>;
}

/** In the order a learner meets them. The instructors' commands (starters, verify, replay, explore) are @outage-lab/course's. */
const COMMANDS: readonly Command[] = [start, lesson, hint, reset, diff, doctor, ui];
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

function report(ctx: Context, error: unknown): number {
  if (error instanceof UsageError) {
    ctx.io.err(pc.red(error.message));
    return 2;
  }
  if (error instanceof WorkshopError) {
    ctx.io.err(`${pc.red(error.message)} ${pc.dim(`(fix: ${error.fix})`)}`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  ctx.io.err(pc.red(error instanceof ManifestError ? message : `outage-lab: ${message.split('\n')[0] ?? message}`));
  if (ctx.env['OUTAGE_LAB_DEBUG'] === '1' && error instanceof Error && error.stack !== undefined) ctx.io.err(error.stack);
  return 1;
}

const invokedDirectly = (): boolean => {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
};

if (invokedDirectly()) {
  // Vitest may leave handles open after closing; the command is over, so leave once output is flushed.
  void main(process.argv.slice(2), processContext()).then((code) => process.stdout.write('', () => process.exit(code)));
}
