import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pc from 'picocolors';
import { learnerCommand, parseCommandArgs } from '../args.ts';
import { shareVerdicts } from '../class-share.ts';
import type { Context } from '../context.ts';
import { isUntouched, lessonFiles, loadHints, loadManifest } from '@outage-lab/course';
import { runLearnerLessons } from '../learner-run.ts';
import { lessonStatus } from '../lesson-status.ts';
import { preflight } from '../preflight.ts';
import { nextLesson, renderDashboard, type DashboardLesson } from '../render/dashboard.ts';
import { readmeExcerpt } from '../render/readme.ts';
import { lessonKeys, cachedRuns } from '../result-cache.ts';
import { loadState } from '../state.ts';

export const spec = learnerCommand({
  name: 'start',
  summary: 'the dashboard: every lesson, the next one to work on, the commands',
  flags: {},
});

/**
 * Prints where the learner stands. Lessons unchanged since their last run come from the
 * cache; only the changed ones run (one Vitest start-up), with a line as each finishes.
 */
export async function run(ctx: Context, argv: readonly string[]): Promise<number> {
  parseCommandArgs(spec, argv, ctx);
  const checks = preflight(ctx);
  const manifest = loadManifest(ctx.root);
  const { state, replaced } = loadState(ctx.root);
  if (replaced !== null) ctx.io.err(pc.yellow(replaced));
  const changed = manifest.lessons.length - cachedRuns(ctx.root, manifest.lessons, lessonKeys(ctx.root, manifest.lessons)).size;
  // The checks' line, then what runs: each on its own line, so both fit 80 columns.
  ctx.io.out(pc.dim(checks));
  if (changed === 0) ctx.io.out(pc.dim('Nothing changed since the last check: these are its results.'));
  else {
    ctx.io.out(pc.dim(`Checking ${changed === manifest.lessons.length ? `all ${changed} lessons` : `${changed} changed ${changed === 1 ? 'lesson' : 'lessons'}`}…`));
    ctx.io.out(pc.dim('  (up to a minute on a busy laptop; next time, only the lessons you changed)'));
  }
  let done = 0;
  const { runs } = await runLearnerLessons(manifest.lessons, {
    root: ctx.root,
    useCache: true,
    onLessonDone: (lesson) => ctx.io.out(pc.dim(`  checked ${lesson.id} ${lesson.title} (${++done} of ${changed})`)),
  });
  const shared = shareVerdicts(ctx, runs);
  const lessons: DashboardLesson[] = runs.map((run) => {
    const hints = loadHints(run.lesson, ctx.root).length;
    return {
      lesson: run.lesson,
      status: lessonStatus(run, isUntouched(lessonFiles(ctx.root, run.lesson))),
      hints,
      hintsLeft: Math.max(0, hints - (state.hintsShown[run.lesson.id] ?? 0)),
    };
  });
  const next = nextLesson(lessons);
  const readme = next === null ? null : join(ctx.root, next.lesson.folder, 'README.md');
  const nextTask = readme !== null && existsSync(readme) ? readmeExcerpt(readFileSync(readme, 'utf8')).task : null;
  ctx.io.out('');
  for (const line of renderDashboard({ lessons, nextTask })) ctx.io.out(line);
  await shared;
  return 0;
}
