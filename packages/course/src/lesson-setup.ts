import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterEach, beforeEach } from 'vitest';
import { splitFailure, UI_RUN_ENV } from './failure-text.ts';
import { timeoutAdvice } from './step-messages.ts';
import { STEP_MARKS_ENV } from './step-watchdog.ts';

/**
 * Loaded into every lesson project (Vitest `setupFiles`).
 *
 * A step that runs out of time says so in the learner's words everywhere its error is
 * shown: the Vitest UI, `npm run lesson`, watch mode and the dashboard. Vitest's own text
 * ("Test timed out in 60000ms. If this is a long-running test, pass a timeout value…")
 * reads like a broken test, and on a busy laptop the learner's code is usually fine.
 */
afterEach((context) => {
  for (const error of context.task.result?.errors ?? []) {
    const plain = timeoutAdvice(error.message ?? '');
    if (plain === null) continue;
    error.message = plain;
    error.stack = plain;
  }
});

/**
 * In the Vitest UI a failure reads as in `npm run lesson`: the lesson's words, without
 * Vitest's account of the assertion (its diff of expected and actual stays beside it).
 */
if (process.env[UI_RUN_ENV] === '1') {
  afterEach((context) => {
    for (const error of context.task.result?.errors ?? []) {
      const message = error.message ?? '';
      const { story, vitest } = splitFailure(message);
      if (vitest === null || story === '') continue;
      error.message = story;
      if (error.stack !== undefined) error.stack = error.stack.replace(message, story);
    }
  });
}

/**
 * When the learner's commands run the lesson, each step leaves a mark while it runs, so
 * that a step looping forever (which no timer can interrupt) can be named and stopped.
 */
const marks = process.env[STEP_MARKS_ENV];
if (marks !== undefined && marks !== '') {
  const mark = join(marks, `${process.pid}-${threadId}.json`);
  beforeEach((context) => {
    writeFileSync(mark, JSON.stringify({ title: context.task.name, file: context.task.file.filepath, timeoutMs: context.task.timeout }));
  });
  afterEach(() => rmSync(mark, { force: true }));
}
