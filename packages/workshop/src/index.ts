/** The learner CLI's building blocks; the lessons, their runs and the manifest are @outage-lab/course's. */
export { watchLesson, type WatchHandlers, type WatchSession } from './lesson-watch.ts';
export { lessonStatus, type LessonStatus } from './lesson-status.ts';
export { loadState, saveState, STATE_PATH, type WorkshopState } from './state.ts';
export { main } from './cli.ts';
