import { afterEach } from 'vitest';
import { timeoutAdvice } from './step-messages.ts';

/**
 * Loaded into every lesson project (Vitest `setupFiles`), so that a step which runs out
 * of time says so in the learner's words everywhere its error is shown: the Vitest UI,
 * `npm run lesson`, watch mode and the dashboard. Vitest's own text ("Test timed out in
 * 60000ms. If this is a long-running test, pass a timeout value…") reads like a broken
 * test, and on a busy laptop the learner's code is usually fine.
 */
afterEach((context) => {
  for (const error of context.task.result?.errors ?? []) {
    const plain = timeoutAdvice(error.message ?? '');
    if (plain === null) continue;
    error.message = plain;
    error.stack = plain;
  }
});
