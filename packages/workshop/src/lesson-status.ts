import { progress, type LessonRun } from '@outage-lab/course';

/**
 * Where a learner stands in a lesson. "Not started" means the files are still the
 * starter's (some steps of a starter may already pass; that is not progress).
 */
export type LessonStatus =
  | { readonly kind: 'done'; readonly passed: number; readonly total: number }
  | { readonly kind: 'in-progress'; readonly passed: number; readonly total: number }
  | { readonly kind: 'not-started'; readonly passed: number; readonly total: number }
  | { readonly kind: 'broken'; readonly problem: string }
  | { readonly kind: 'no-tests' };

/** `untouched` is null when there is no pristine copy to compare with. */
export function lessonStatus(run: LessonRun, untouched: boolean | null): LessonStatus {
  const firstLoadError = run.loadErrors[0];
  if (firstLoadError !== undefined) return { kind: 'broken', problem: firstLoadError };
  const { passed, total } = progress(run);
  if (total === 0) return { kind: 'no-tests' };
  if (passed === total) return { kind: 'done', passed, total };
  if (untouched === true) return { kind: 'not-started', passed, total };
  return { kind: 'in-progress', passed, total };
}

