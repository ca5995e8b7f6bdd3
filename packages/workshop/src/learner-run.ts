import type { Reporter } from 'vitest/node';
import { looped, projectOf, runLessons, timedOut, TYPE_STEP, TypeChecker, withTypeStep, type Lesson, type LessonRun, type TypeStepResult } from '@outage-lab/course';
import { cachedRuns, lessonKeys, storeRuns } from './result-cache.ts';

export interface LearnerRunOptions {
  readonly root: string;
  readonly reporters?: readonly Reporter[];
  /** Called as each lesson's last test file finishes, for a progress line. */
  readonly onLessonDone?: (lesson: Lesson) => void;
  /** Read unchanged lessons from the cache instead of running them (the dashboard). */
  readonly useCache?: boolean;
}

export interface LearnerRuns {
  readonly runs: LessonRun[];
  /** A step looped and its worker could not be stopped: end the process after printing. */
  readonly abandoned: boolean;
  /** The lessons that actually ran (the others came from the cache). */
  readonly ran: readonly Lesson[];
}

/** Counts each lesson's test files down as Vitest finishes them. */
function lessonProgress(lessons: readonly Lesson[], onLessonDone: (lesson: Lesson) => void): Reporter {
  const left = new Map<string, number>();
  const byProject = new Map(lessons.map((l) => [projectOf(l, 'exercise'), l]));
  return {
    onTestRunStart(specifications) {
      for (const spec of specifications) left.set(spec.project.name, (left.get(spec.project.name) ?? 0) + 1);
    },
    onTestModuleEnd(module) {
      const name = module.project.name;
      const remaining = (left.get(name) ?? 1) - 1;
      left.set(name, remaining);
      const lesson = byProject.get(name);
      if (remaining === 0 && lesson !== undefined) onLessonDone(lesson);
    },
  };
}

/**
 * The learner's lessons as `lesson` and the dashboard show them: Vitest's steps with
 * step 0 (the files type-check) in front, TypeScript working in a thread beside
 * Vitest. Every fresh result is cached, so the next `npm start` can skip that lesson.
 */
export async function runLearnerLessons(lessons: readonly Lesson[], options: LearnerRunOptions): Promise<LearnerRuns> {
  const keys = lessonKeys(options.root, lessons);
  const previous = cachedRuns(options.root, lessons, keys);
  const cached = options.useCache === true ? previous : new Map<string, LessonRun>();
  const stale = lessons.filter((l) => !cached.has(l.id));
  const checker = new TypeChecker(options.root);
  try {
    // Step 0 depends only on files the key covers: an unchanged lesson's is reused, not re-checked.
    const known = (lesson: Lesson): TypeStepResult | undefined => previous.get(lesson.id)?.tests.find((t) => t.title === TYPE_STEP);
    const types = Promise.all(stale.map((lesson) => known(lesson) ?? checker.check(lesson)));
    const reporters = [...(options.reporters ?? []), ...(options.onLessonDone === undefined ? [] : [lessonProgress(stale, options.onLessonDone)])];
    const fresh = await runLessons(stale, ['exercise'], { root: options.root, reporters, stopLoops: true });
    const problems = await types;
    const checked = fresh.map((run, i) => withTypeStep(run, problems[i] ?? []));
    // A step that ran out of time or looped may pass when run again: such a result is not kept.
    const settled = checked.filter((run) => !run.tests.some((t) => t.errors.some((e) => timedOut(e.message) || looped(e.message))));
    if (settled.length > 0) storeRuns(options.root, settled, keys);
    const runs = lessons.map((lesson) => cached.get(lesson.id) ?? checked.find((r) => r.lesson.id === lesson.id)).filter((r): r is LessonRun => r !== undefined);
    return { runs, ran: stale, abandoned: fresh.abandoned === true };
  } finally {
    await checker.close();
  }
}
