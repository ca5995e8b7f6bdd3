import { describe, expect, it } from 'vitest';
import type { LessonRun, TestOutcome } from '../src/lesson-runner.ts';
import type { Lesson } from '../src/manifest.ts';
import { solutionCells, starterCells, stepNumber, storyCell, wrongFixCells } from '../src/verify/matrix.ts';
import type { WrongFix } from '../src/wrong-fixes.ts';

const lesson: Lesson = { id: '09', slug: 'demo', title: 'Demo', folder: 'exercises/09-demo', solution: 'solutions/09-demo', files: ['src/a.ts'], hints: 'solutions/09-demo/HINTS.md', minutes: 5 };
const passed = (name: string): TestOutcome => ({ name, title: name, state: 'passed', errors: [] });
const failed = (name: string, errorName: string, message: string): TestOutcome => ({ name, title: name, state: 'failed', errors: [{ name: errorName, message }] });
const run = (side: 'exercise' | 'solution', tests: TestOutcome[], loadErrors: string[] = []): LessonRun => ({ lesson, side, tests, loadErrors });
const bad = (cells: { ok: boolean; check: string }[]) => cells.filter((c) => !c.ok).map((c) => c.check);

describe('the red/green matrix', () => {
  it('accepts a starter that fails by assertion in the domain, and a solution that passes', () => {
    const starter = run('exercise', [passed('step 1'), failed('step 2', 'AssertionError', 'the endpoint went back from gen 147 to gen 110')]);
    expect(bad(starterCells(lesson, starter, []))).toEqual([]);
    expect(bad(solutionCells(lesson, run('solution', [passed('step 1'), passed('step 2')]), []))).toEqual([]);
  });

  it("fails a lesson whose starter or wrong fix fails in Vitest's words instead of the incident's", () => {
    const told = run('exercise', [failed('step 2: x', 'AssertionError', 'The endpoint went back from gen 147 to gen 110.: expected 110 to be 147 // Object.is equality')]);
    expect(storyCell(lesson, told, []).ok).toBe(true);
    const bare = run('exercise', [passed('step 1'), failed('step 2: x', 'AssertionError', "expected [ 'dynamodb' ] to deeply equal []")]);
    const cell = storyCell(lesson, bare, []);
    expect(cell.ok).toBe(false);
    expect(cell.detail).toMatch(/^starter, step 2: says it in Vitest's words/);
  });

  it('fails a starter that already passes: the lesson would teach nothing', () => {
    expect(bad(starterCells(lesson, run('exercise', [passed('step 1')]), []))).toEqual(['starter is red', 'red by assertion, in the domain']);
  });

  it('fails a starter that is red for the wrong reason', () => {
    const typeError = run('exercise', [failed('step 1', 'TypeError', "Cannot read properties of undefined (reading 'answers')")]);
    expect(bad(starterCells(lesson, typeError, []))).toEqual(['red by assertion, in the domain']);
    const stub = run('exercise', [failed('step 1', 'Error', 'not implemented')]);
    expect(bad(starterCells(lesson, stub, []))).toEqual(['red by assertion, in the domain']);
  });

  it('fails a starter that does not type-check or whose tests do not load', () => {
    const red = run('exercise', [failed('step 1', 'AssertionError', 'no empty answer')]);
    expect(bad(starterCells(lesson, red, ['exercises/09-demo/src/a.ts(3,1): error TS2322']))).toEqual(['starter type-checks']);
    expect(bad(starterCells(lesson, run('exercise', [], ['SyntaxError']), []))).toContain('starter is red');
  });

  it('fails a solution with a failing, skipped or missing test', () => {
    expect(bad(solutionCells(lesson, run('solution', [passed('a'), failed('b', 'AssertionError', 'x')]), []))).toEqual(['solution passes every test (1/2)']);
    expect(bad(solutionCells(lesson, run('solution', [passed('a'), { name: 'b', title: 'b', state: 'skipped', errors: [] }]), []))).toHaveLength(1);
    expect(bad(solutionCells(lesson, run('solution', []), []))).toHaveLength(1);
  });
});

describe('known-wrong fixes in the matrix', () => {
  const fix: WrongFix = {
    lesson,
    name: 'cleanup-noop',
    spec: 'solutions/09-demo/wrong/cleanup-noop.json',
    src: 'solutions/09-demo~cleanup-noop/src',
    redAt: 2,
    alsoRedAt: [],
    mistake: 'clean-up deletes nothing',
    base: 'solution',
    edits: [{ file: 'src/a.ts', replace: 'deleteOld();', with: '' }],
  };
  const skipped = (name: string): TestOutcome => ({ name, title: name, state: 'skipped', errors: [] });
  const cells = (tests: TestOutcome[], loadErrors: string[] = [], typeErrors: string[] = []) => wrongFixCells(lesson, [{ fix, tests, loadErrors }], typeErrors);

  it('holds when the named step is the first to fail, by assertion, the later ones skipped', () => {
    const got = cells([passed('step 1: a'), failed('step 2: b', 'AssertionError', 'old plans stay forever'), skipped('step 3: c')]);
    expect(got[0]).toMatchObject({ ok: true, check: 'wrong fix "cleanup-noop": red at step 2' });
  });

  it('fails a wrong fix that turns green, goes red at another step, or fails by a crash', () => {
    expect(cells([passed('step 1: a'), passed('step 2: b')])[0]).toMatchObject({ ok: false, check: 'wrong fix "cleanup-noop": green up to step 2, expected red there' });
    expect(cells([failed('step 1: a', 'AssertionError', 'x'), failed('step 2: b', 'AssertionError', 'y')])[0]).toMatchObject({ ok: false, check: 'wrong fix "cleanup-noop": red at step 1, expected step 2' });
    expect(cells([passed('step 1: a'), failed('step 2: b', 'TypeError', 'x is not a function')])[0]?.ok).toBe(false);
    expect(cells([], ['SyntaxError'])[0]?.ok).toBe(false);
    expect(cells([passed('step 1: a'), failed('step 2: b', 'AssertionError', 'x')], [], ['solutions/09-demo~cleanup-noop/src/a.ts(1,1): error TS2322'])[0]?.ok).toBe(false);
  });

  it('holds a fix to the later steps it names as red too, each by assertion', () => {
    const noRace = { ...fix, redAt: 1, alsoRedAt: [3] };
    const judged = (tests: TestOutcome[]) => wrongFixCells(lesson, [{ fix: noRace, tests, loadErrors: [] }], [])[0];
    const red = failed('step 1: a', 'AssertionError', 'the endpoint never went empty');
    expect(judged([red, failed('step 2: b', 'AssertionError', 'x'), failed('step 3: c', 'AssertionError', 'no race')])).toMatchObject({ ok: true, check: 'wrong fix "cleanup-noop": red at step 1 (and at 3)' });
    expect(judged([red, passed('step 2: b'), passed('step 3: c')])).toMatchObject({ ok: false, check: 'wrong fix "cleanup-noop": red at step 1, but not at step 3' });
    expect(judged([red, passed('step 2: b'), failed('step 3: c', 'TypeError', 'x is undefined')])?.ok).toBe(false);
  });

  it('fails a wrong fix whose edits no longer apply to the solution, and counts it', () => {
    const reason = 'solutions/09-demo/wrong/cleanup-noop.json: src/a.ts, edit 1: the snippet "deleteOld();" is not in the file';
    const got = wrongFixCells(lesson, [], [], [{ fix, reason }]);
    expect(got[0]).toMatchObject({ ok: false, check: 'wrong fix "cleanup-noop": its edits no longer apply', detail: reason });
  });

  it('reads the step number from a title', () => {
    expect(stepNumber('step 12: the regional endpoint answers')).toBe(12);
    expect(stepNumber('a title without a step')).toBeNull();
  });
});
