import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Lesson } from './manifest.ts';
import type { TestOutcome } from './lesson-runner.ts';

/**
 * Known-wrong fixes: mistakes a learner plausibly makes, kept next to each solution as
 * `solutions/NN-slug/wrong/<name>/` with the files that differ from the solution under
 * `src/` and an `expect.json` naming the step that must catch it. This is mutation
 * testing of the lesson tests: the red/green matrix checks that each one stays red, at
 * that step, by assertion.
 */
export interface WrongFix {
  readonly lesson: Lesson;
  readonly name: string;
  /** Repository-relative folder of the fix's `src/`. */
  readonly src: string;
  /** The step number whose test must be the first to fail. */
  readonly redAt: number;
  /** The mistake, in one sentence. */
  readonly mistake: string;
}

export class WrongFixError extends Error {
  override name = 'WrongFixError';
}

export function wrongFixes(lesson: Lesson, root: string): WrongFix[] {
  const dir = join(root, lesson.solution, 'wrong');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const at = `${lesson.solution}/wrong/${name}/expect.json`;
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(join(root, at), 'utf8'));
      } catch (error) {
        throw new WrongFixError(`${at}: cannot be read as JSON (${error instanceof Error ? error.message : String(error)})`);
      }
      const { redAt, mistake } = (raw ?? {}) as { redAt?: unknown; mistake?: unknown };
      if (typeof redAt !== 'number' || !Number.isInteger(redAt) || redAt < 1) throw new WrongFixError(`${at}: "redAt" must be the step number that catches the mistake`);
      if (typeof mistake !== 'string' || mistake === '') throw new WrongFixError(`${at}: "mistake" must say the mistake in one sentence`);
      return { lesson, name, src: `${lesson.solution}/wrong/${name}/src`, redAt, mistake };
    });
}

/** The step number in a test's title: `step 5: …` is 5. */
export function stepNumber(title: string): number | null {
  const m = /^step (\d+):/.exec(title);
  return m === null ? null : Number(m[1]);
}

/** How a wrong fix fared: its first failing step and whether that failure is an assertion. */
export function judgeWrongFix(fix: WrongFix, tests: readonly TestOutcome[], loadErrors: readonly string[]): { ok: boolean; check: string; detail: string } {
  const label = `wrong fix "${fix.name}"`;
  if (loadErrors.length > 0 || tests.length === 0) return { ok: false, check: `${label}: did not run`, detail: loadErrors.join('\n') };
  // Only the steps up to the expected one run; the rest are skipped by design.
  const first = tests.find((t) => t.state === 'failed');
  if (first === undefined) {
    return { ok: false, check: `${label}: green up to step ${fix.redAt}, expected red there`, detail: `${fix.mistake}: every step up to ${fix.redAt} passes, so the lesson accepts it` };
  }
  const step = stepNumber(first.title);
  const error = first.errors[0];
  const byAssertion = error?.name === 'AssertionError';
  const ok = step === fix.redAt && byAssertion;
  const where = step === null ? `"${first.title}"` : `step ${step}`;
  const detail = ok
    ? ''
    : step !== fix.redAt
      ? `${fix.mistake}: first red at ${where}, not at step ${fix.redAt}: ${error?.message.split('\n')[0] ?? first.state}`
      : `${fix.mistake}: red at ${where} by ${error?.name ?? first.state}, not by an assertion: ${error?.message.split('\n')[0] ?? ''}`;
  return { ok, check: `${label}: red at ${where}${ok ? '' : `, expected step ${fix.redAt}`}`, detail };
}
