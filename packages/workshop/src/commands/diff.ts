import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import pc from 'picocolors';
import { LESSON, learnerCommand, parseCommandArgs, requireLesson } from '../args.ts';
import type { Context } from '../context.ts';
import { loadManifest } from '@outage-lab/course';

export const spec = learnerCommand({
  name: 'diff',
  summary: 'your files against the solution (this shows the answer)',
  positionals: [LESSON],
  flags: {},
});

const read = (path: string): string => (existsSync(path) ? readFileSync(path, 'utf8') : '');

const colour = (line: string): string => {
  if (line.startsWith('+++') || line.startsWith('---')) return pc.bold(line);
  if (line.startsWith('+')) return pc.green(line);
  if (line.startsWith('-')) return pc.red(line);
  if (line.startsWith('@@')) return pc.cyan(line);
  return line;
};

/** A unified diff per file, yours as the old side: the `+` lines are what the solution adds. */
export async function run(ctx: Context, argv: readonly string[]): Promise<number> {
  const args = parseCommandArgs(spec, argv, ctx);
  const lesson = requireLesson(spec, loadManifest(ctx.root), args.lessonKey);
  ctx.io.out(pc.yellow(`This shows the answer to lesson ${lesson.id}. Hints first? npm run hint -- ${lesson.id}`));
  let differing = 0;
  for (const file of lesson.files) {
    const mine = `${lesson.folder}/${file}`;
    const solution = `${lesson.solution}/${file}`;
    const patch = createTwoFilesPatch(mine, solution, read(join(ctx.root, mine)), read(join(ctx.root, solution)), 'yours', 'solution');
    const lines = patch.split('\n').filter((l) => !l.startsWith('====='));
    if (!lines.some((l) => l.startsWith('@@'))) continue;
    differing += 1;
    ctx.io.out('');
    for (const line of lines) if (line !== '') ctx.io.out(colour(line));
  }
  if (differing === 0) ctx.io.out(pc.green(`Your ${lesson.files.length === 1 ? 'file matches' : 'files match'} the solution.`));
  return 0;
}
