import { join } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import { exerciseProject, solutionProject, wrongFixProject } from './vitest-projects.ts';
import type { WrongFix } from './wrong-fixes.ts';
import { REPO_ROOT, type Lesson } from './manifest.ts';

export type Side = 'exercise' | 'solution';

export interface TestOutcome {
  /** With its describe blocks: `Lesson 02 > step 3: …`. */
  readonly name: string;
  /** The test's own title: `step 3: …`. */
  readonly title: string;
  readonly state: 'passed' | 'failed' | 'skipped' | 'pending';
  readonly errors: readonly { readonly name: string; readonly message: string }[];
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
  /** Extra Vitest reporters (the CLI's watch view); silent by default. */
  readonly reporters?: readonly Reporter[];
}

/**
 * Runs lessons' tests through Vitest's Node API and reads the results as data, never
 * the terminal text: the dashboard, `lesson` and the instructor check all use this.
 */
export async function runLessons(lessons: readonly Lesson[], sides: readonly Side[], options: RunLessonsOptions = {}): Promise<LessonRun[]> {
  return (await runMatrix(lessons, sides, [], options)).runs;
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
): Promise<{ runs: LessonRun[]; wrong: WrongFixRun[] }> {
  const root = options.root ?? REPO_ROOT;
  const { startVitest } = await import('vitest/node');
  const projects = [
    ...lessons.flatMap((l) => sides.map((side) => (side === 'exercise' ? exerciseProject(l) : solutionProject(l)))),
    ...fixes.map(wrongFixProject),
  ];
  // Failing tests are a learner's normal state, not the calling command's exit status.
  const exitCode = process.exitCode;
  const vitest = await startVitest(
    'test',
    [],
    { root, config: join(root, 'vitest.config.ts'), project: projects, watch: false, reporters: [...(options.reporters ?? [silent])] },
    { server: { host: '127.0.0.1' }, logLevel: 'silent' },
  );
  try {
    const modules = vitest.state.getTestModules();
    return {
      runs: lessons.flatMap((lesson) => sides.map((side) => collectLessonRun(lesson, side, modules))),
      wrong: fixes.map((fix) => ({ fix, ...collectProject(wrongFixProject(fix), modules) })),
    };
  } finally {
    await vitest.close();
    process.exitCode = exitCode;
  }
}

const silent: Reporter = {};

/** One lesson's outcomes out of the test modules Vitest reports, matched by project name. */
export function collectLessonRun(lesson: Lesson, side: Side, modules: readonly TestModule[]): LessonRun {
  return { lesson, side, ...collectProject(side === 'exercise' ? exerciseProject(lesson) : solutionProject(lesson), modules) };
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
      });
    }
  }
  return { tests, loadErrors };
}

/** Progress through a lesson: how many tests pass, and the first one that does not. */
export function progress(run: LessonRun): { passed: number; total: number; nextFailing: TestOutcome | null } {
  const passed = run.tests.filter((t) => t.state === 'passed').length;
  return { passed, total: run.tests.length, nextFailing: run.tests.find((t) => t.state !== 'passed') ?? null };
}
