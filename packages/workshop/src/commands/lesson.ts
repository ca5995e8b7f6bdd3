import pc from 'picocolors';
import type { Reporter } from 'vitest/node';
import { LESSON, learnerCommand, parseCommandArgs, requireLesson } from '../args.ts';
import { classSharer, shareVerdicts } from '../class-share.ts';
import type { Context } from '../context.ts';
import { loadManifest, type Lesson } from '@outage-lab/course';
import { runLearnerLessons } from '../learner-run.ts';
import { lessonStatus } from '../lesson-status.ts';
import { watchLesson } from '../lesson-watch.ts';
import { preflight } from '../preflight.ts';
import { lessonReport } from '../render/lesson-report.ts';
import { untilStopped } from '../until-stopped.ts';

export const spec = learnerCommand({
  name: 'lesson',
  summary: "run one lesson's tests against your code",
  positionals: [LESSON],
  flags: {
    watch: { type: 'boolean', help: 're-run on every save, with a cleared screen and a one-line verdict' },
    poll: { type: 'boolean', help: 'watch by polling, for setups where file events never arrive (WSL on /mnt/c)' },
    verbose: { type: 'boolean', help: "a failure in full, with Vitest's own account of the assertion" },
  },
});

const CLEAR = '\x1b[2J\x1b[3J\x1b[H';

export async function run(ctx: Context, argv: readonly string[]): Promise<number> {
  const args = parseCommandArgs(spec, argv, ctx);
  const manifest = loadManifest(ctx.root);
  const lesson = requireLesson(spec, manifest, args.lessonKey);
  preflight(ctx);
  const next = manifest.lessons[manifest.lessons.indexOf(lesson) + 1] ?? null;
  const verbose = args.flags['verbose'] === true;
  if (args.flags['watch'] === true || args.flags['poll'] === true) return watch(ctx, lesson, { next, verbose }, args.flags['poll'] === true);
  const logs: string[] = [];
  const collectLogs: Reporter = { onUserConsoleLog: (log) => void logs.push(log.content) };
  const { runs } = await runLearnerLessons([lesson], { root: ctx.root, reporters: [collectLogs] });
  // A step that looped left a worker spinning: cli.ts ends the process after this returns.
  const [result] = runs;
  if (result === undefined) return 1;
  const shared = shareVerdicts(ctx, [result]);
  for (const line of lessonReport(result, { logs, next, verbose })) ctx.io.out(line);
  await shared;
  return lessonStatus(result, null).kind === 'done' ? 0 : 1;
}

/** Resolves only when the learner stops it (Ctrl-C), like every watch mode. */
async function watch(ctx: Context, lesson: Lesson, report: { readonly next: Lesson | null; readonly verbose: boolean }, poll: boolean): Promise<number> {
  let looped: () => void = () => undefined;
  const loop = new Promise<'looped'>((resolve) => (looped = () => resolve('looped')));
  // The process stays up, so a slow board can take longer here without holding anything.
  const share = classSharer(ctx, 2_000);
  const session = await watchLesson(lesson, { root: ctx.root, poll }, {
    onRunStart: () => ctx.io.out(pc.dim('running…')),
    onRun: (result, logs, mode) => {
      ctx.io.out(`${CLEAR}${pc.dim(howWatching(lesson, mode))}\n`);
      for (const line of lessonReport(result, { logs, ...report })) ctx.io.out(line);
      void shareVerdicts(ctx, [result], share);
    },
    onLoop: (result, logs) => {
      ctx.io.out(CLEAR);
      for (const line of lessonReport(result, { logs, ...report })) ctx.io.out(line);
      ctx.io.out(pc.red(`Stopped watching: a step never finished. Fix the loop, then start again: npm run lesson -- ${lesson.id} --watch`));
      looped();
    },
  });
  // A looping step leaves Vitest unable to close; cli.ts ends the process after this returns.
  if ((await Promise.race([untilStopped().then(() => 'stopped' as const), loop])) === 'looped') return 1;
  await session.close();
  return 0;
}

const howWatching = (lesson: Lesson, mode: string): string =>
  mode === 'poll'
    ? `Watching ${lesson.folder} by polling. Ctrl-C to stop.`
    : `Watching ${lesson.folder}. Ctrl-C to stop. Saving does nothing? Add --poll.`;
