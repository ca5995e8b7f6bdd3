import { SEND_TIMEOUT_MS, shareProgress, type LessonProgress } from '@outage-lab/class';
import pc from 'picocolors';
import type { Context } from './context.ts';
import type { Lesson, LessonRun } from '@outage-lab/course';
import { loadState } from './state.ts';

/**
 * What the class board gets from a verdict, if the learner joined one (`npm run class --
 * join`): the lesson's id and title, each step's title and state, whether the code loaded,
 * the hint count and the time. Never an error message, a file, a path or the environment.
 */
export function lessonProgress(run: LessonRun, hints: number, at: Date): LessonProgress {
  return {
    id: run.lesson.id,
    title: run.lesson.title,
    steps: run.tests.map((t) => ({ name: t.title, state: t.state })),
    ...(run.loadErrors.length > 0 ? { loadError: true } : {}),
    hints,
    at: at.toISOString(),
  };
}

/**
 * The one-shot commands' wait for the board: SEND_TIMEOUT_MS, or OUTAGE_LAB_CLASS_TIMEOUT_MS
 * (50 to 5000) where the room's network is slow, or where the board shares a busy machine
 * with the learner, as in this package's tests.
 */
function sendTimeout(ctx: Context): number {
  const value = Number(ctx.env['OUTAGE_LAB_CLASS_TIMEOUT_MS']);
  return Number.isInteger(value) && value >= 50 && value <= 5_000 ? value : SEND_TIMEOUT_MS;
}

export type Share = (lessons: readonly LessonProgress[]) => Promise<void>;

/**
 * A sender for one command. It never throws and gives up after `timeoutMs`; a board that
 * does not answer costs one dim line, and in watch mode only the first time until it answers again.
 */
export function classSharer(ctx: Context, timeoutMs: number = sendTimeout(ctx)): Share {
  let quiet = false;
  return async (lessons) => {
    const outcome = await shareProgress(ctx.root, lessons, timeoutMs, ctx.now());
    if (outcome.kind === 'failed' && !quiet) ctx.io.err(pc.dim(outcome.line));
    quiet = outcome.kind === 'failed';
  };
}

/** After lessons' verdicts (the dashboard, `lesson`, watch mode). */
export function shareVerdicts(ctx: Context, runs: readonly LessonRun[], share: Share = classSharer(ctx)): Promise<void> {
  const { hintsShown } = loadState(ctx.root).state;
  return share(runs.map((run) => lessonProgress(run, hintsShown[run.lesson.id] ?? 0, ctx.now())));
}

/** After a hint: the count changed, the steps did not run. */
export function shareHints(ctx: Context, lesson: Lesson, hints: number): Promise<void> {
  return classSharer(ctx)([{ id: lesson.id, title: lesson.title, hints, at: ctx.now().toISOString() }]);
}
