/**
 * The plain words for a step that ran out of time: on a classroom laptop the usual cause
 * is a busy machine (run it again), and the other is code that does far too much work.
 */
const VITEST_TIMEOUT = /^Test timed out in (\d+)ms\./;

/** Starts our rewritten text, so the report and the dashboard can tell a timeout from a failure. */
export const TIMED_OUT = 'This step took too long';

const seconds = (ms: number): string => `${Math.round(ms / 1000)} s`;

export function timedOutMessage(budgetMs: number): string {
  return `${TIMED_OUT} (more than its ${seconds(budgetMs)} budget), so it was stopped. Your machine may be busy (a browser or a video call beside the workshop): run it again. If it runs out of time every time, look for a loop in your code that does far more work than needed.`;
}

/** Vitest's timeout message turned into ours; null for any other message. */
export function timeoutAdvice(message: string): string | null {
  const match = VITEST_TIMEOUT.exec(message);
  return match === null ? null : timedOutMessage(Number(match[1]));
}

export const timedOut = (message: string): boolean => message.startsWith(TIMED_OUT);

/** Starts the text of a step the watchdog stopped. */
export const LOOPING = 'This step never finished';

export function loopingMessage(runningMs: number): string {
  return `${LOOPING}: it was still running after ${seconds(runningMs)}, without once giving control back, so it was stopped. Your code is probably looping: look for a \`while\` or \`for\` loop whose condition never becomes false.`;
}

export const looped = (message: string): boolean => message.startsWith(LOOPING);
