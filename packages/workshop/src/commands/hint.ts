import pc from 'picocolors';
import { LESSON, learnerCommand, parseCommandArgs, requireLesson } from '../args.ts';
import { shareHints } from '../class-share.ts';
import type { Context } from '../context.ts';
import { loadHints, loadManifest } from '@outage-lab/course';
import { indent, wrap, WIDTH } from '../render/text.ts';
import { loadState, saveState } from '../state.ts';

export const spec = learnerCommand({
  name: 'hint',
  summary: 'the next hint of a lesson, gentle first',
  positionals: [LESSON],
  flags: { all: { type: 'boolean', help: 'every hint of the lesson at once' } },
});

/** Shows the next unseen hint, remembering it in the state file; `--all` shows every one. */
export async function run(ctx: Context, argv: readonly string[]): Promise<number> {
  const args = parseCommandArgs(spec, argv, ctx);
  const lesson = requireLesson(spec, loadManifest(ctx.root), args.lessonKey);
  const { state, replaced } = loadState(ctx.root);
  if (replaced !== null) ctx.io.err(pc.yellow(replaced));
  const hints = loadHints(lesson, ctx.root);
  const total = hints.length;
  const seen = Math.min(state.hintsShown[lesson.id] ?? 0, total);
  const all = args.flags['all'] === true;
  const shown = all ? total : Math.min(seen + 1, total);
  const from = all ? 0 : shown - 1;
  hints.slice(from, shown).forEach((hint, i) => {
    ctx.io.out(pc.bold(`Hint ${from + i + 1} of ${total} · Lesson ${lesson.id} · ${lesson.title}`));
    ctx.io.out(indent(wrap(hint, WIDTH - 2), '  ').join('\n'));
    ctx.io.out('');
  });
  if (!all && seen >= total) ctx.io.out(pc.dim(`That was the last hint again. Still stuck? npm run diff -- ${lesson.id} shows the answer.`));
  else if (shown < total) ctx.io.out(pc.dim(`Another: npm run hint -- ${lesson.id}  ·  all of them: npm run hint -- ${lesson.id} --all`));
  else ctx.io.out(pc.dim(`No more hints. Still stuck? npm run diff -- ${lesson.id} shows the answer.`));
  const given = Math.max(seen, shown);
  const unsaved = saveState(ctx.root, { ...state, hintsShown: { ...state.hintsShown, [lesson.id]: given } });
  if (unsaved !== null) ctx.io.err(pc.yellow(unsaved));
  await shareHints(ctx, lesson, given);
  return 0;
}
