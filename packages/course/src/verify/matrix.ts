import type { Lesson } from '../manifest.ts';
import type { LessonRun, TestOutcome, WrongFixRun } from '../lesson-runner.ts';
import type { RefusedFix, WrongFix } from '../wrong-fixes.ts';
import { failureLines, failureProblems } from '../failure-text.ts';

/**
 * The red/green matrix as pure functions of the runs, so that the matrix itself can be
 * tested to fail: a starter that passes or a solution that fails is a wrong cell.
 */
export interface Cell {
  readonly lesson: string;
  readonly check: string;
  readonly ok: boolean;
  readonly detail: string;
}

export const NOT_DOMAIN = /not implemented|TypeError|is not a function|Cannot read propert|undefined is not|ReferenceError/i;

export function starterCells(lesson: Lesson, run: LessonRun, typeErrors: readonly string[]): Cell[] {
  const mine = typeErrors.filter((e) => e.startsWith(lesson.folder));
  const failed = run.tests.filter((t) => t.state === 'failed');
  const notDomain = failed.filter((t) => t.errors.some((e) => e.name !== 'AssertionError' || NOT_DOMAIN.test(e.message) || e.message.trim() === ''));
  return [
    { lesson: lesson.id, check: 'starter type-checks', ok: mine.length === 0, detail: mine.slice(0, 3).join('\n') },
    {
      lesson: lesson.id,
      check: 'starter is red',
      ok: run.loadErrors.length === 0 && run.tests.length > 0 && failed.length > 0,
      detail: run.loadErrors.length > 0 ? run.loadErrors.join('\n') : failed.length === 0 ? `all ${run.tests.length} tests pass on the starter: the lesson teaches nothing` : '',
    },
    {
      lesson: lesson.id,
      check: 'red by assertion, in the domain',
      ok: failed.length > 0 && notDomain.length === 0,
      detail: notDomain.map((t) => `${t.name}: ${t.errors[0]?.name}: ${t.errors[0]?.message.split('\n')[0]}`).join('\n'),
    },
  ];
}

export function solutionCells(lesson: Lesson, run: LessonRun, typeErrors: readonly string[]): Cell[] {
  const mine = typeErrors.filter((e) => e.startsWith(lesson.solution));
  const notPassing = run.tests.filter((t) => t.state !== 'passed');
  return [
    { lesson: lesson.id, check: 'solution type-checks', ok: mine.length === 0, detail: mine.slice(0, 3).join('\n') },
    {
      lesson: lesson.id,
      check: `solution passes every test (${run.tests.length - notPassing.length}/${run.tests.length})`,
      ok: run.loadErrors.length === 0 && run.tests.length > 0 && notPassing.length === 0,
      detail: [...run.loadErrors, ...notPassing.map((t) => `${t.name}: ${t.state} ${t.errors[0]?.message.split('\n')[0] ?? ''}`)].join('\n'),
    },
  ];
}


/**
 * Each known-wrong fix is one cell: it must type-check, and its first failing step must be
 * the one named for it, failing by assertion. (How many a lesson needs is the course's
 * rule, not the matrix's: test/wrong-fixes.test.ts holds this course to four a lesson.)
 */
export function wrongFixCells(lesson: Lesson, runs: readonly WrongFixRun[], typeErrors: readonly string[], refused: readonly RefusedFix[] = []): Cell[] {
  const cells: Cell[] = runs.map(({ fix, tests, loadErrors }) => {
    const mine = typeErrors.filter((e) => e.startsWith(fix.src));
    const judged = judgeWrongFix(fix, tests, loadErrors);
    return {
      lesson: lesson.id,
      check: judged.check,
      ok: judged.ok && mine.length === 0,
      detail: [judged.detail, ...mine.slice(0, 3)].filter((d) => d !== '').join('\n'),
    };
  });
  // A fix whose edits no longer apply to the solution tests nothing anyone wrote.
  for (const { fix, reason } of refused) cells.push({ lesson: lesson.id, check: `wrong fix "${fix.name}": its edits no longer apply`, ok: false, detail: reason });
  return cells;
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
  // Only the steps up to the last expected one run; the rest are skipped by design.
  const first = tests.find((t) => t.state === 'failed');
  if (first === undefined) {
    return { ok: false, check: `${label}: green up to step ${fix.redAt}, expected red there`, detail: `${fix.mistake}: every step up to ${fix.redAt} passes, so the lesson accepts it` };
  }
  const step = stepNumber(first.title);
  const error = first.errors[0];
  const byAssertion = error?.name === 'AssertionError';
  const ok = step === fix.redAt && byAssertion;
  const where = step === null ? `"${first.title}"` : `step ${step}`;
  const alsoGreen = fix.alsoRedAt.filter((n) => !tests.some((t) => stepNumber(t.title) === n && t.state === 'failed' && t.errors[0]?.name === 'AssertionError'));
  if (ok && alsoGreen.length > 0) {
    return { ok: false, check: `${label}: red at ${where}, but not at step ${alsoGreen.join(', ')}`, detail: `${fix.mistake}: step ${alsoGreen.join(', ')} must fail too, by assertion` };
  }
  const also = fix.alsoRedAt.length === 0 ? '' : ` (and at ${fix.alsoRedAt.join(', ')})`;
  const detail = ok
    ? ''
    : step !== fix.redAt
      ? `${fix.mistake}: first red at ${where}, not at step ${fix.redAt}: ${error?.message.split('\n')[0] ?? first.state}`
      : `${fix.mistake}: red at ${where} by ${error?.name ?? first.state}, not by an assertion: ${error?.message.split('\n')[0] ?? ''}`;
  return { ok, check: `${label}: red at ${where}${ok ? also : `, expected step ${fix.redAt}`}`, detail };
}

/**
 * One cell per lesson: every failure a learner can meet (each failing step of the starter,
 * the step that catches each known-wrong fix), read as the lesson runner shows it, tells
 * the incident: no Vitest words, a closing sentence, and a timeline that reaches the step
 * that broke its invariant.
 */
export function storyCell(lesson: Lesson, starter: LessonRun, wrong: readonly WrongFixRun[]): Cell {
  const failures = [
    ...starter.tests.filter((t) => t.state === 'failed').map((t) => ({ who: 'starter', test: t })),
    ...wrong.flatMap(({ fix, tests }) => tests.filter((t) => t.state === 'failed').map((t) => ({ who: `wrong fix "${fix.name}"`, test: t }))),
  ];
  const problems = failures.flatMap(({ who, test }) =>
    test.errors.flatMap((e) => failureProblems(failureLines(e.message)).map((p) => `${who}, ${test.title.split(':')[0] ?? test.title}: ${p}`)),
  );
  return {
    lesson: lesson.id,
    check: `every failure a learner sees ends in the incident's words (${failures.length} failed steps: the starter's and ${wrong.length} wrong fixes')`,
    ok: problems.length === 0,
    detail: problems.join('\n'),
  };
}

