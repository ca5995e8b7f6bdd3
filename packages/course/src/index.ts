// What the learner's CLI builds on. It loads neither the solutions nor the deck engine:
// those are the subpaths ./solutions and ./decks, for the instructor's commands.
export { findLesson, loadManifest, validateManifest, ManifestError, MANIFEST_PATH, REPO_ROOT, type Lesson, type Manifest } from './manifest.ts';
export { loadHints, parseHints } from './hints.ts';
export { failureLines, failureProblems, splitFailure, UI_RUN_ENV } from './failure-text.ts';
export { collectLessonRun, progress, projectOf, runLessons, withLoopingStep, type LessonRun, type RunLessonsOptions, type Side, type TestOutcome } from './lesson-runner.ts';
export { exerciseProject, lessonProjects, pristineProject, solutionProject } from './vitest-projects.ts';
export { isUntouched, lessonFiles, snapshotStarters, staleStarters, starterPath, STARTERS_DIR, type LessonFile } from './starters/pristine.ts';
export { verifiedCopy } from './starters/hash.ts';
export { looped, timedOut, timedOutMessage } from './step-messages.ts';
export { watchSteps } from './step-watchdog.ts';
export { TYPE_STEP, TypeChecker, typeStep, withTypeStep, type TypeStepResult } from './type-step.ts';
