import { Worker } from 'node:worker_threads';
import type { LessonRun, TestOutcome } from './lesson-runner.ts';
import type { Lesson } from './manifest.ts';
import { createFileChecker, formatTypeProblem, type FileChecker, type TypeProblem } from './typecheck.ts';

/**
 * Step 0 of every lesson: the learner's files type-check. Vitest strips types without
 * checking them, so without this step `const wrong: string = deadline` or an import
 * `tsc` refuses (TS2835, no `.ts` extension) would still show a lesson as done.
 */
export const TYPE_STEP = 'step 0: your files type-check';

export const lessonTsconfig = (lesson: Lesson): string => `${lesson.folder.split('/')[0] ?? 'exercises'}/tsconfig.json`;
export const learnerFiles = (lesson: Lesson): string[] => lesson.files.map((f) => `${lesson.folder}/${f}`);

/** The step's outcome: passed, or failed with one `file:line: TSnnnn: message` line per error. */
export function typeStep(problems: readonly TypeProblem[]): TestOutcome {
  if (problems.length === 0) return { name: TYPE_STEP, title: TYPE_STEP, state: 'passed', errors: [] };
  const lines = problems.map(formatTypeProblem);
  const message = `TypeScript finds ${problems.length === 1 ? 'a type error' : `${problems.length} type errors`} in your files (Vitest runs code without checking types, so fix these first):\n${lines.join('\n')}`;
  return { name: TYPE_STEP, title: TYPE_STEP, state: 'failed', errors: [{ name: 'TypeScriptError', message }] };
}

/** Step 0 as found by the checker, or as a cached run recorded it. */
export type TypeStepResult = readonly TypeProblem[] | TestOutcome;

/** The run with step 0 in front; a lesson whose files do not type-check is never done. */
export const withTypeStep = (run: LessonRun, result: TypeStepResult): LessonRun => ({
  ...run,
  tests: ['state' in result ? result : typeStep(result), ...run.tests],
});

/**
 * A type checker in a worker thread (one per tsconfig), falling back to this thread
 * where a worker cannot load TypeScript sources (inside a test runner).
 */
export class TypeChecker {
  readonly #root: string;
  readonly #workers = new Map<string, { worker: Worker | null; local: FileChecker | null }>();
  readonly #pending = new Map<number, (problems: TypeProblem[] | Error) => void>();
  #next = 0;

  constructor(root: string) {
    this.#root = root;
  }

  check(lesson: Lesson): Promise<TypeProblem[]> {
    return this.checkFiles(lessonTsconfig(lesson), learnerFiles(lesson));
  }

  checkFiles(tsconfig: string, files: readonly string[]): Promise<TypeProblem[]> {
    const slot = this.#slot(tsconfig);
    if (slot.worker === null) return Promise.resolve(this.#local(slot, tsconfig).check(files));
    const id = this.#next++;
    const worker = slot.worker;
    return new Promise<TypeProblem[] | Error>((resolve) => {
      this.#pending.set(id, resolve);
      worker.postMessage({ id, files: [...files] });
    }).then((result) => (result instanceof Error ? this.#local(slot, tsconfig).check(files) : result));
  }

  async close(): Promise<void> {
    for (const slot of this.#workers.values()) await slot.worker?.terminate();
    this.#workers.clear();
  }

  #local(slot: { local: FileChecker | null }, tsconfig: string): FileChecker {
    slot.local ??= createFileChecker(this.#root, tsconfig);
    return slot.local;
  }

  #slot(tsconfig: string): { worker: Worker | null; local: FileChecker | null } {
    const existing = this.#workers.get(tsconfig);
    if (existing !== undefined) return existing;
    const slot: { worker: Worker | null; local: FileChecker | null } = { worker: null, local: null };
    try {
      const worker = new Worker(new URL('./typecheck-worker.ts', import.meta.url), { workerData: { root: this.#root, tsconfig } });
      worker.unref();
      worker.on('message', (reply: { id: number; problems?: TypeProblem[]; error?: string }) => {
        const resolve = this.#pending.get(reply.id);
        this.#pending.delete(reply.id);
        resolve?.(reply.problems ?? new Error(reply.error ?? 'type check failed'));
      });
      // A worker that cannot start (no TypeScript loader in this process) hands its requests to this thread.
      worker.on('error', (error) => {
        slot.worker = null;
        for (const [id, resolve] of this.#pending) {
          this.#pending.delete(id);
          resolve(error);
        }
      });
      slot.worker = worker;
    } catch {
      slot.worker = null;
    }
    this.#workers.set(tsconfig, slot);
    return slot;
  }
}
