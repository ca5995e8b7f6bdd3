/**
 * How long a lesson step may run before Vitest stops it. A classroom laptop has two
 * cores shared with a browser, an editor and a video call, so a step that takes 0.5 s on
 * a quiet machine can take ten times that there; the budgets are sized for that machine,
 * never for ours. They guard against a step that never ends; speed itself is measured
 * by `npm run bench`, never asserted in a test.
 */

/** An ordinary step: one simulated night or a few hundred model steps (under 1 s idle). */
export const STEP_BUDGET_MS = 60_000;

/**
 * Heavy steps (thousands of random schedules, an exhaustive search, the whole Region
 * night) take 2-5 s idle and 30 s or more under load: their test files give them
 * 120 s of their own, next to the step, so the budget is read where the work is.
 */

/**
 * A step still running this long after its budget is stuck in a loop that never gives
 * control back (see step-watchdog.ts); the lesson runner stops it and says so.
 */
export const LOOP_GRACE_MS = 10_000;

/**
 * The grace in force: the workshop's own tests lower it with OUTAGE_LAB_LOOP_GRACE_MS, so
 * that naming a loop costs them seconds of a spinning core, not ten.
 */
export function loopGraceMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env['OUTAGE_LAB_LOOP_GRACE_MS'];
  const ms = raw === undefined ? Number.NaN : Number(raw);
  return Number.isInteger(ms) && ms > 0 ? ms : LOOP_GRACE_MS;
}

/**
 * A step of the exhaustive search (one call of an Enactor's method) that has not returned
 * after this long never will: `npm run explore` stops the search and names the step.
 * A step takes microseconds; this leaves room for a machine that is busy elsewhere.
 */
export const SEARCH_STEP_STUCK_MS = 5_000;
