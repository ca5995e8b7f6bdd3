import { join } from 'node:path';
import type { Plugin } from 'vite';
import type { Reporter, Vitest } from 'vitest/node';
import { watchFolder, type WatchMode } from './file-watcher.ts';
import { collectLessonRun, type LessonRun, type Lesson, exerciseProject } from '@outage-lab/course';

export interface WatchHandlers {
  onRunStart(): void;
  /** After every run, with the lesson's results, what the learner's code logged and how we watch. */
  onRun(run: LessonRun, logs: readonly string[], mode: WatchMode): void;
}

export interface WatchSession {
  readonly mode: WatchMode;
  close(): Promise<void>;
}

/**
 * Vitest's own file watcher covers the whole repository and cannot be switched to
 * polling for one folder, so it is turned off and ours (fs.watch or polling, over the
 * lesson folder only) feeds Vitest's watch handler, which invalidates the changed
 * module and re-runs the tests that import it.
 */
const withoutViteWatcher: Plugin = {
  name: 'outage-lab:lesson-folder-watcher',
  configResolved(config) {
    (config.server as { watch: unknown }).watch = null;
  },
};

/** Runs one lesson's tests now and again after every save, until `close()`. */
export async function watchLesson(lesson: Lesson, options: { readonly root: string; readonly poll: boolean }, handlers: WatchHandlers): Promise<WatchSession> {
  const { createVitest } = await import('vitest/node');
  let logs: string[] = [];
  let vitest: Vitest | null = null;
  let mode: WatchMode = options.poll ? 'poll' : 'fs.watch';
  const reporter: Reporter = {
    onTestRunStart() {
      logs = [];
      handlers.onRunStart();
    },
    onUserConsoleLog(log) {
      logs.push(log.content);
    },
    onTestRunEnd() {
      if (vitest !== null) handlers.onRun(collectLessonRun(lesson, 'exercise', vitest.state.getTestModules()), logs, mode);
    },
  };
  const started = await createVitest(
    'test',
    { root: options.root, config: join(options.root, 'vitest.config.ts'), project: [exerciseProject(lesson)], watch: true, reporters: [reporter] },
    { server: { host: '127.0.0.1' }, logLevel: 'silent', plugins: [withoutViteWatcher] },
  );
  vitest = started;
  const watcher = watchFolder(
    join(options.root, lesson.folder),
    (path, kind) => (kind === 'change' ? started.watcher.onFileChange(path) : started.watcher.onFileDelete(path)),
    { poll: options.poll },
  );
  mode = watcher.mode;
  try {
    await started.start();
  } catch (error) {
    watcher.close();
    await started.close();
    throw error;
  }
  return {
    get mode() {
      return watcher.mode;
    },
    close: async () => {
      watcher.close();
      await started.close();
    },
  };
}
