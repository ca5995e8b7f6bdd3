import { join } from 'node:path';
import type { Plugin } from 'vite';
import type { Reporter, Vitest } from 'vitest/node';
import { watchFolder, type WatchMode } from './file-watcher.ts';
import { collectLessonRun, exerciseProject, TypeChecker, watchSteps, withLoopingStep, withTypeStep, type Lesson, type LessonRun } from '@outage-lab/course';

export interface WatchHandlers {
  onRunStart(): void;
  /** After every run, with the lesson's results (step 0 first), what the learner's code logged and how we watch. */
  onRun(run: LessonRun, logs: readonly string[], mode: WatchMode): void;
  /**
   * A step looped forever: the run so far, with that step failed. Vitest cannot be
   * stopped politely any more; the caller ends the process after printing.
   */
  onLoop(run: LessonRun, logs: readonly string[]): void;
}

export interface WatchSession {
  readonly mode: WatchMode;
  close(): Promise<void>;
}

export interface WatchLessonOptions {
  readonly root: string;
  readonly poll: boolean;
  /** Quiet time that ends a burst of saves (file-watcher.ts). */
  readonly settleMs?: number;
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

/** Runs one lesson's tests now and again after every settled save, until `close()`. */
export async function watchLesson(lesson: Lesson, options: WatchLessonOptions, handlers: WatchHandlers): Promise<WatchSession> {
  const { createVitest } = await import('vitest/node');
  const checker = new TypeChecker(options.root);
  const watchdog = watchSteps();
  let logs: string[] = [];
  let types = checker.check(lesson);
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
    async onTestRunEnd() {
      if (vitest === null) return;
      const run = collectLessonRun(lesson, 'exercise', vitest.state.getTestModules());
      handlers.onRun(withTypeStep(run, await types), logs, mode);
    },
  };
  const started = await createVitest(
    'test',
    { root: options.root, config: join(options.root, 'vitest.config.ts'), project: [exerciseProject(lesson)], watch: true, reporters: [reporter] },
    { server: { host: '127.0.0.1' }, logLevel: 'silent', plugins: [withoutViteWatcher] },
  );
  vitest = started;
  void watchdog.stuck.then(async (stuck) => {
    const run = withLoopingStep(collectLessonRun(lesson, 'exercise', started.state.getTestModules()), stuck);
    handlers.onLoop(withTypeStep(run, await types), logs);
  });
  const watcher = watchFolder(
    join(options.root, lesson.folder),
    (changes) => {
      // The type check starts with the run it belongs to, on the same settled content.
      types = checker.check(lesson);
      for (const change of changes) {
        if (change.kind === 'change') started.watcher.onFileChange(change.path);
        else started.watcher.onFileDelete(change.path);
      }
    },
    { poll: options.poll, ...(options.settleMs === undefined ? {} : { settleMs: options.settleMs }) },
  );
  mode = watcher.mode;
  const close = async (): Promise<void> => {
    watchdog.stop();
    watcher.close();
    await started.close();
    await checker.close();
  };
  try {
    await started.start();
  } catch (error) {
    await close();
    throw error;
  }
  return {
    get mode() {
      return watcher.mode;
    },
    close,
  };
}
