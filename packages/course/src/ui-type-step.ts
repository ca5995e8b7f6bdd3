import { resolve } from 'node:path';
import { expect, inject, it } from 'vitest';
import { findLesson, loadManifest } from './manifest.ts';
import { createFileChecker } from './typecheck.ts';
import { learnerFiles, lessonTsconfig, TYPE_STEP, typeStep } from './type-step.ts';

/**
 * Step 0 in the Vitest UI, which runs only what Vitest finds: the lesson's own test files
 * and, for each lesson's group, this one (vitest-projects.ts adds it when `npm run ui`
 * asks), so the UI counts the steps the CLI counts. The CLI runs its step 0 beside Vitest.
 */
declare module 'vitest' {
  interface ProvidedContext {
    outageLabLesson: string;
  }
}

const root = process.cwd();
const lesson = findLesson(loadManifest(root), inject('outageLabLesson'));

it(TYPE_STEP, async () => {
  if (lesson === null) throw new Error(`no lesson ${inject('outageLabLesson')} in the manifest`);
  // Imported so that Vitest re-runs this step when the learner saves one of the files; a
  // file that does not load is the lesson's own tests' to report.
  for (const file of learnerFiles(lesson)) await import(/* @vite-ignore */ resolve(root, file)).catch(() => undefined);
  const step = typeStep(createFileChecker(root, lessonTsconfig(lesson)).check(learnerFiles(lesson)));
  expect(step.state, step.errors[0]?.message).toBe('passed');
});
