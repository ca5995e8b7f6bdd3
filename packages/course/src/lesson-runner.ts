import { join } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import { exerciseProject, pristineProject, solutionProject, wrongFixProject } from './vitest-projects.ts';
import type { WrongFix } from './wrong-fixes.ts';
import { REPO_ROOT, type Lesson } from './manifest.ts';
import { loopingMessage } from './step-messages.ts';
import { watchSteps, type StuckStep } from './step-watchdog.ts';

/** The learner's files, the solution's, or the untouched starter's (the instructors' check). */
export type Side = 'exercise' | 'solution' | 'pristine';

export interface TestOutcome {
  /** With its describe blocks: `Lesson 02 > step 3: …`. */
  readonly name: string;
  /** The test's own title: `step 3: …`. */
  readonly title: string;
  readonly state: 'passed' | 'failed' | 'skipped' | 'pending';
  readonly errors: readonly { readonly name: string; readonly message: string }[];
  /** Why a skipped step did not run (`ctx.skip(note)`): the learner is told, not left guessing. */
  readonly note?: string;
}

export interface LessonRun {
  readonly lesson: Lesson;
  readonly side: Side;
  readonly tests: readonly TestOutcome[];
  /** A test file that failed to load (syntax error, missing export): no test ran. */
  readonly loadErrors: readonly string[];
}

export interface RunLessonsOptions {
  readonly root?: string;
  /** Extra Vitest reporters (console logs, progress); Vitest itself prints nothing. */
  readonly reporters?: readonly Reporter[];
  /**
   * Stop at a step stuck in an endless loop and report it as such (the learner's
   * commands). The stuck worker cannot be shut down politely, so the caller must end
   * the process once it has printed the result: `LessonRuns.abandoned` says so.
   */
  readonly stopLoops?: boolean;
}

export interface LessonRuns extends Array<LessonRun> {
  /** A step looped and Vitest was left running: exit the process once the result is out. */
  abandoned?: boolean;
}

export const projectOf = (lesson: Lesson, side: Side): string =>
  side === 'exercise' ? exerciseProject(lesson) : side === 'solution' ? solutionProject(lesson) : pristineProject(lesson);

/**
 * Runs lessons' tests through Vitest's Node API and reads the results as data, never
 * the terminal text: the dashboard, `lesson` and the instructor check all use this.
 */
export async function runLessons(lessons: readonly Lesson[], sides: readonly Side[], options: RunLessonsOptions = {}): Promise<LessonRuns> {
  const { runs, abandoned } = await runMatrix(lessons, sides, [], options);
  const result: LessonRuns = runs;
  if (abandoned) result.abandoned = true;
  return result;
}

export interface WrongFixRun {
  readonly fix: WrongFix;
  readonly tests: readonly TestOutcome[];
  readonly loadErrors: readonly string[];
}

/** Lessons' sides and known-wrong fixes in one Vitest run. */
export async function runMatrix(
  lessons: readonly Lesson[],
  sides: readonly Side[],
  fixes: readonly WrongFix[],
  options: RunLessonsOptions = {},
): Promise<{ runs: LessonRun[]; wrong: WrongFixRun[]; abandoned: boolean }> {
  if ((lessons.length === 0 || sides.length === 0) && fixes.length === 0) return { runs: [], wrong: [], abandoned: false };
  const root = options.root ?? REPO_ROOT;
  const { createVitest } = await import('vitest/node');
  const projects = [...lessons.flatMap((l) => sides.map((side) => projectOf(l, side))), ...fixes.map(wrongFixProject)];
  // Failing tests are a learner's normal state, not the calling command's exit status.
  const exitCode = process.exitCode;
  const watchdog = options.stopLoops === true ? watchSteps() : null;
  let abandoned = false;
  const vitest = await createVitest(
    'test',
    { root, config: join(root, 'vitest.config.ts'), project: projects, watch: false, reporters: [silent, ...(options.reporters ?? [])] },
    { server: { host: '127.0.0.1' }, logLevel: 'silent' },
  );
  try {
    const finished = vitest.start().then(() => null);
    const stuck = watchdog === null ? await finished : await Promise.race([finished, watchdog.stuck]);
    const modules = vitest.state.getTestModules();
    const runs = lessons.flatMap((lesson) => sides.map((side) => collectLessonRun(lesson, side, modules)));
    const wrong = fixes.map((fix) => ({ fix, ...collectProject(wrongFixProject(fix), modules) }));
    if (stuck === null) return { runs, wrong, abandoned: false };
    abandoned = true;
    return { runs: runs.map((run) => (stuck.file.includes(`/${run.lesson.folder}/`) ? withLoopingStep(run, stuck) : run)), wrong, abandoned: true };
  } finally {
    watchdog?.stop();
    if (!abandoned) await vitest.close();
    process.exitCode = exitCode;
  }
}

/** The stuck step, failed with the looping message, in place of whatever state Vitest last heard. */
export function withLoopingStep(run: LessonRun, stuck: StuckStep): LessonRun {
  const failed: TestOutcome = { name: stuck.title, title: stuck.title, state: 'failed', errors: [{ name: 'Error', message: loopingMessage(stuck.runningMs) }] };
  const at = run.tests.findIndex((t) => t.title === stuck.title);
  return { ...run, tests: at < 0 ? [...run.tests, failed] : run.tests.map((t, i) => (i === at ? { ...failed, name: t.name } : t)) };
}

const silent: Reporter = {};

/** One lesson's outcomes out of the test modules Vitest reports, matched by project name. */
export function collectLessonRun(lesson: Lesson, side: Side, modules: readonly TestModule[]): LessonRun {
  return { lesson, side, ...collectProject(projectOf(lesson, side), modules) };
}

function collectProject(name: string, modules: readonly TestModule[]): { tests: TestOutcome[]; loadErrors: string[] } {
  // Files finish in any order; sorted by path, steps read in the order the lesson numbers them.
  const mine = modules.filter((m) => m.project.name === name).sort((a, b) => a.moduleId.localeCompare(b.moduleId));
  const tests: TestOutcome[] = [];
  const loadErrors: string[] = [];
  for (const module of mine) {
    for (const error of module.errors()) loadErrors.push(`${module.moduleId}: ${error.message}`);
    for (const test of module.children.allTests()) {
      const result = test.result();
      tests.push({
        name: test.fullName,
        title: test.name,
        state: result.state,
        errors: (result.errors ?? []).map((e) => ({ name: e.name ?? 'Error', message: e.message })),
        ...(result.state === 'skipped' && result.note !== undefined ? { note: result.note } : {}),
      });
    }
  }
  // Step 0 first, where the UI runs it as a test file of its own (ui-type-step.ts).
  const zero = (t: TestOutcome): boolean => t.title.startsWith('step 0:');
  return { tests: [...tests.filter(zero), ...tests.filter((t) => !zero(t))], loadErrors };
}

/** Progress through a lesson: how many tests pass, and the first one that does not. */
export function progress(run: LessonRun): { passed: number; total: number; nextFailing: TestOutcome | null } {
  const passed = run.tests.filter((t) => t.state === 'passed').length;
  return { passed, total: run.tests.length, nextFailing: run.tests.find((t) => t.state !== 'passed') ?? null };
}
