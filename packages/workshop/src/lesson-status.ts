import { looped, progress, timedOut, type LessonRun } from '@outage-lab/course';

/**
 * Where a learner stands in a lesson. "Not started" means the files are still the
 * starter's (some steps of a starter may already pass; that is not progress).
 */
export type LessonStatus =
  | { readonly kind: 'done'; readonly passed: number; readonly total: number }
  | { readonly kind: 'in-progress'; readonly passed: number; readonly total: number; readonly firstFailing: FirstFailing | null }
  | { readonly kind: 'not-started'; readonly passed: number; readonly total: number }
  | { readonly kind: 'broken'; readonly problem: string }
  | { readonly kind: 'no-tests' };

/** The step to work on; a step that did not finish says why, since the code may be right. */
export interface FirstFailing {
  readonly title: string;
  readonly timedOut: boolean;
  readonly looping: boolean;
}

/** `untouched` is null when there is no pristine copy to compare with. */
export function lessonStatus(run: LessonRun, untouched: boolean | null): LessonStatus {
  const firstLoadError = run.loadErrors[0];
  if (firstLoadError !== undefined) return { kind: 'broken', problem: firstLoadError };
  const { passed, total, nextFailing } = progress(run);
  if (total === 0) return { kind: 'no-tests' };
  if (passed === total) return { kind: 'done', passed, total };
  if (untouched === true) return { kind: 'not-started', passed, total };
  const firstFailing = nextFailing === null ? null : { title: nextFailing.title, timedOut: nextFailing.errors.some((e) => timedOut(e.message)), looping: nextFailing.errors.some((e) => looped(e.message)) };
  return { kind: 'in-progress', passed, total, firstFailing };
}

