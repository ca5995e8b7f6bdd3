import { BadInput, parseCommand, type CommandTable, type FlagValues, type Positional } from '@outage-lab/cli';
import { findLesson, loadManifest, type Lesson, type Manifest } from '@outage-lab/course';
import type { Context } from './context.ts';

/** The argument every lesson command takes. */
export const LESSON: Positional = { name: 'lesson', help: 'a lesson, by its number (2 or 02) or its name', examples: ['01', 'generation-checks'] };

/** A learner's command: its table, typed as `npm run <name>` (npm start for start). */
export function learnerCommand(table: Omit<CommandTable, 'invocation' | 'script'>): CommandTable {
  return { ...table, invocation: table.name === 'start' ? 'npm start' : `npm run ${table.name}`, script: table.name };
}

export interface ParsedArgs {
  readonly lessonKey: string | null;
  readonly flags: FlagValues;
}

const lessonChoices = (manifest: Manifest): string => manifest.lessons.map((l) => l.id).join(', ');

const whichLesson = (spec: CommandTable, manifest: Manifest): string => {
  const example = manifest.lessons[0]?.id ?? '01';
  return `which lesson? (valid: ${lessonChoices(manifest)}; e.g. ${spec.invocation} -- ${example})`;
};

/** Reads a command's arguments against its table; a lesson left out is named with the lessons there are. */
export function parseCommandArgs(spec: CommandTable, argv: readonly string[], ctx: Pick<Context, 'root' | 'env'>): ParsedArgs {
  const parsed = parseCommand(spec, argv, { env: ctx.env, missing: () => whichLesson(spec, loadManifest(ctx.root)) });
  return { lessonKey: parsed.positionals[0] ?? null, flags: parsed.flags };
}

/** The lesson a command names, or one line listing the lessons there are. */
export function requireLesson(spec: CommandTable, manifest: Manifest, key: string | null): Lesson {
  if (key === null) throw new BadInput(whichLesson(spec, manifest), spec.name);
  const lesson = findLesson(manifest, key);
  if (lesson === null) throw new BadInput(`unknown lesson ${JSON.stringify(key)} (valid: ${lessonChoices(manifest)})`, spec.name);
  return lesson;
}
