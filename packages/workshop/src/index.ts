/** The workshop CLI's building blocks, for scripts/verify.ts and anything else that drives lessons. */
export { findLesson, loadManifest, validateManifest, ManifestError, MANIFEST_PATH, REPO_ROOT, type Lesson, type Manifest } from './manifest.ts';
export { collectLessonRun, progress, runLessons, type LessonRun, type RunLessonsOptions, type Side, type TestOutcome } from './lesson-runner.ts';
export { watchLesson, type WatchHandlers, type WatchSession } from './lesson-watch.ts';
export { lessonStatus, type LessonStatus } from './lesson-status.ts';
export { exerciseProject, lessonProjects, pristineProject, solutionProject } from './vitest-projects.ts';
export { isUntouched, lessonFiles, snapshotStarters, staleStarters, STARTERS_DIR, type LessonFile } from './starters.ts';
export { loadState, saveState, STATE_PATH, type WorkshopState } from './state.ts';
export { main } from './cli.ts';
