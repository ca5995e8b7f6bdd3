import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pc from 'picocolors';
import { Blocked } from '@outage-lab/cli';
import { LESSON, learnerCommand, parseCommandArgs, requireLesson } from '../args.ts';
import { backUp } from '../backups.ts';
import type { Context } from '../context.ts';
import { loadManifest, lessonFiles, starterPath, verifiedCopy } from '@outage-lab/course';

export const spec = learnerCommand({
  name: 'reset',
  summary: "restore a lesson's starter files (yours are backed up first)",
  positionals: [LESSON],
  flags: {},
});

export async function run(ctx: Context, argv: readonly string[]): Promise<number> {
  const args = parseCommandArgs(spec, argv, ctx);
  const lesson = requireLesson(spec, loadManifest(ctx.root), args.lessonKey);
  const files = lessonFiles(ctx.root, lesson);
  const missing = files.filter((f) => f.starter === null);
  if (missing.length > 0) {
    throw new Blocked(
      `reset: no pristine copy of ${missing.map((f) => f.path).join(', ')}, so nothing was changed`,
      '`npm ci` makes them; or run `npm run starters` while the lesson is untouched',
    );
  }
  // Every copy is checked before anything is touched, and files are compared as bytes.
  const restored = files.map((f) => ({ file: f, bytes: verifiedCopy(ctx.root, starterPath(ctx.root, lesson, f.file)) }));
  const changed = restored.filter(({ file, bytes }) => {
    const mine = join(ctx.root, file.path);
    return !existsSync(mine) || !readFileSync(mine).equals(bytes);
  });
  if (changed.length === 0) {
    ctx.io.out(`Lesson ${lesson.id} is already as it started; nothing to reset.`);
    return 0;
  }
  const backup = backUp(ctx.root, lesson, changed.map((c) => c.file), ctx.now());
  for (const { file, bytes } of changed) {
    const target = join(ctx.root, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
  ctx.io.out(pc.green(`Lesson ${lesson.id} is back to its starter: ${changed.map((c) => c.file.file).join(', ')}.`));
  const kept = changed.filter((c) => c.file.mine !== null);
  if (kept.length > 0) ctx.io.out(`Your version is kept in ${backup}/ (copy anything back from there).`);
  return 0;
}
