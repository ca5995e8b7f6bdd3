import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pc from 'picocolors';
import { parseCommandArgs, type CommandSpec } from '../args.ts';
import { shareVerdicts } from '../class-share.ts';
import type { Context } from '../context.ts';
import { runLessons, loadManifest, isUntouched, lessonFiles } from '@outage-lab/course';
import { lessonStatus } from '../lesson-status.ts';
import { preflight } from '../preflight.ts';
import { nextLesson, renderDashboard, type DashboardLesson } from '../render/dashboard.ts';
import { readmeExcerpt } from '../render/readme.ts';
import { loadState } from '../state.ts';

export const spec: CommandSpec = {
  name: 'start',
  summary: 'the dashboard: every lesson, the next one to work on, the commands',
  takesLesson: false,
  options: {},
};

/** Runs every lesson's tests once (one Vitest start-up) and prints where the learner stands. */
export async function run(ctx: Context, argv: readonly string[]): Promise<number> {
  parseCommandArgs(spec, argv, ctx.env);
  ctx.io.out(pc.dim(`${preflight(ctx)}  · running the tests…`));
  const manifest = loadManifest(ctx.root);
  const { state, replaced } = loadState(ctx.root);
  if (replaced !== null) ctx.io.err(pc.yellow(replaced));
  const runs = await runLessons(manifest.lessons, ['exercise'], { root: ctx.root });
  const shared = shareVerdicts(ctx, runs);
  const lessons: DashboardLesson[] = runs.map((run) => ({
    lesson: run.lesson,
    status: lessonStatus(run, isUntouched(lessonFiles(ctx.root, run.lesson))),
    hintsLeft: Math.max(0, run.lesson.hints.length - (state.hintsShown[run.lesson.id] ?? 0)),
  }));
  const next = nextLesson(lessons);
  const readme = next === null ? null : join(ctx.root, next.lesson.folder, 'README.md');
  const nextTask = readme !== null && existsSync(readme) ? readmeExcerpt(readFileSync(readme, 'utf8')).task : null;
  ctx.io.out('');
  for (const line of renderDashboard({ lessons, nextTask })) ctx.io.out(line);
  await shared;
  return 0;
}
