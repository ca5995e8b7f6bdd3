import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lesson, LessonRun, TestOutcome } from '@outage-lab/course';
import { renderDashboard } from '../src/render/dashboard.ts';
import { lessonReport, verdict } from '../src/render/lesson-report.ts';
import { readmeExcerpt } from '../src/render/readme.ts';
import { excerpt, truncate, wrap } from '../src/render/text.ts';
import { timedOutMessage, typeStep, withTypeStep } from '@outage-lab/course';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'workshop');

const lesson = (id: string, title: string): Lesson => ({
  id,
  slug: `lesson-${id}`,
  title,
  folder: `exercises/${id}-lesson`,
  solution: `solutions/${id}-lesson`,
  files: ['src/a-file-with-a-rather-long-name-for-the-layout.ts'],
  hints: `solutions/${id}-lesson/HINTS.md`,
  minutes: 30,
});

const test = (title: string, state: TestOutcome['state'], message = ''): TestOutcome => ({
  name: `Lesson > ${title}`,
  title,
  state,
  errors: message === '' ? [] : [{ name: 'AssertionError', message }],
});

describe('the terminal layout', () => {
  it('wraps words to the width and keeps an over-long word whole', () => {
    expect(wrap('the regional endpoint went empty at 23:48', 16)).toEqual(['the regional', 'endpoint went', 'empty at 23:48']);
    expect(wrap('dynamodb.us-east-1.amazonaws.com resolved', 10)).toEqual(['dynamodb.us-east-1.amazonaws.com', 'resolved']);
    expect(truncate('DynamoDB DNS Enactor', 10)).toBe('DynamoDB …');
  });

  it("quotes a README's task paragraph as plain text", () => {
    const excerpt = readmeExcerpt(readFileSync(join(FIXTURE, 'exercises/01-fresh-plans/README.md'), 'utf8'));
    expect(excerpt.title).toBe('Lesson 01 (fixture): fresh plans only');
    expect(excerpt.task).toBe('Edit `src/freshness.ts` so that an Enactor applies a plan only when it is newer than the one Route 53 holds for the endpoint.');
    expect(readmeExcerpt('# Title\n\nFirst paragraph\ncontinues.\n\nSecond.').task).toBe('First paragraph continues.');
    expect(readmeExcerpt('# T\n\n## Your task\n\nShape *when things happen*, see [the model](../README.md), `a*b*c`.').task).toBe(
      'Shape when things happen, see the model, `a*b*c`.',
    );
  });

  it('keeps the dashboard within 80 columns even with long titles, and ends with the progress bar', () => {
    const lessons = [
      { lesson: lesson('01', 'Reproduce the race between two DNS Enactors and the clean-up'), status: { kind: 'done', passed: 8, total: 8 } as const, hints: 3, hintsLeft: 0 },
      { lesson: lesson('02', 'Generation checks'), status: { kind: 'in-progress', passed: 3, total: 7, firstFailing: { title: 'step 4: an Enactor that finds the system wedged repairs it instead of retrying forever', timedOut: false, looping: false } } as const, hints: 3, hintsLeft: 2 },
      { lesson: lesson('03', 'A velocity control for NLB'), status: { kind: 'not-started', passed: 1, total: 8 } as const, hints: 3, hintsLeft: 3 },
    ];
    const lines = renderDashboard({ lessons, nextTask: 'word '.repeat(200) });
    expect(lines.filter((l) => [...l].length > 80)).toEqual([]);
    expect(lines.at(-1)).toMatch(/^Progress █+░+ 1\/3 lessons · 12\/23 steps$/);
    expect(lines.join('\n'), 'the task is quoted, not the whole README').not.toMatch(/(word ){100}/);
    expect(lines).toContain('  01 solutions/01-lesson/NOTES.md');
    const text = lines.join('\n').replace(/\s+/g, ' ');
    expect(text, 'a partly done lesson names its first failing step, whole').toContain('first failing: step 4: an Enactor that finds the system wedged repairs it instead of retrying forever');
    expect(text, 'steps that pass on an untouched starter are explained').toContain('Some steps pass before you start');
  });

  it('says a step that ran out of time may only need running again', () => {
    const lessons = [{ lesson: lesson('02', 'Generation checks'), status: { kind: 'in-progress', passed: 4, total: 7, firstFailing: { title: 'step 5: 2,000 random schedules', timedOut: true, looping: false } } as const, hints: 3, hintsLeft: 2 }];
    expect(renderDashboard({ lessons, nextTask: null }).join('\n').replace(/\s+/g, ' ')).toContain('step 5: 2,000 random schedules: took too long, the machine may be busy; run it again');
    const run: LessonRun = { lesson: lesson('02', 'Generation checks'), side: 'exercise', loadErrors: [], tests: [test('step 1', 'passed'), { ...test('step 5: 2,000 random schedules', 'failed'), errors: [{ name: 'Error', message: timedOutMessage(60_000) }] }] };
    expect(verdict(run)).toBe('Lesson 02: 1/2, step 5 took too long (busy machine?): run it again');
    expect(lessonReport(run).join('\n')).toContain('This step took too long (more than its 60 s budget), so it was stopped. Your machine may be busy');
  });

  it('quotes whole sentences of the task, never half of one', () => {
    const task = 'Edit `src/enactor.ts` so that an old plan never lands. Read the root ALIAS in the batch. Delete it with the value you read, so that Route 53 refuses the batch if anyone changed it since. Then clean up.';
    const kept = excerpt(task, 40, 3);
    expect(kept.join(' ')).toBe('Edit `src/enactor.ts` so that an old plan never lands. Read the root ALIAS in the batch.');
    expect(excerpt('One very long sentence that does not fit in the lines it is given at all', 20, 1).join(' '), 'the first sentence, whole, even when long').toBe('One very long sentence that does not fit in the lines it is given at all');
  });

  it('puts step 0, the type check, in front: a lesson with a type error is not done', () => {
    const run: LessonRun = { lesson: lesson('04', 'EC2 throttling'), side: 'exercise', loadErrors: [], tests: [test('step 1', 'passed')] };
    const broken = withTypeStep(run, [{ path: 'exercises/04-lesson/src/throttle.ts', line: 12, code: 2322, message: "Type 'number' is not assignable to type 'string'." }]);
    expect(broken.tests[0]?.title).toBe('step 0: your files type-check');
    expect(verdict(broken)).toBe('Lesson 04: 1/2, not done: a type error at src/throttle.ts:12');
    expect(lessonReport(broken).join('\n')).toContain("exercises/04-lesson/src/throttle.ts:12: TS2322: Type 'number' is not assignable to type 'string'.");
    expect(verdict(withTypeStep(run, []))).toBe('Lesson 04: 2/2, done!');
    expect(typeStep([]).state).toBe('passed');
  });

  it('ends a run with a one-line verdict naming the next failing step', () => {
    const run: LessonRun = {
      lesson: lesson('02', 'Generation checks'),
      side: 'exercise',
      loadErrors: [],
      tests: [test('step 1: refuse an older plan', 'passed'), test('step 2: delete the root ALIAS as read', 'failed', 'the batch went through although Enactor B had changed the ALIAS'), test('step 3', 'failed', 'x')],
    };
    expect(verdict(run)).toBe('Lesson 02: 1/3, next failing step: step 2: delete the root ALIAS as read');
    const report = lessonReport(run);
    expect(report.at(-1)).toBe(verdict(run));
    expect(report.join('\n'), "the first failure's story, and only the first").toContain('the batch went through although Enactor B had changed the ALIAS');
    expect(report.join('\n')).not.toContain('\n  x');
  });

  it("tells the step's story in the incident's words, with Vitest's own only when asked", () => {
    const story = 'The batch went through although Enactor B had changed the ALIAS.';
    const run: LessonRun = { lesson: lesson('02', 'Generation checks'), side: 'exercise', loadErrors: [], tests: [test('step 2: x', 'failed', `${story}: expected true to be false // Object.is equality`)] };
    expect(lessonReport(run).join('\n')).toContain(story);
    expect(lessonReport(run).join('\n')).not.toContain('Object.is');
    expect(lessonReport(run, { verbose: true }).join('\n')).toContain(`${story}: expected true to be false // Object.is equality`);
  });

  it("heads the lesson's own measurements and the learner's console output each by what they are", () => {
    const run: LessonRun = { lesson: lesson('02', 'Generation checks'), side: 'exercise', loadErrors: [], tests: [test('step 9: x', 'passed')] };
    const report = lessonReport(run, { logs: ['lesson 02: every interleaving: 160,000 states in 4.1 s\n', 'my debug line\n'] }).join('\n');
    expect(report).toMatch(/What the lesson's tests measured \(not a verdict\):\n {2}lesson 02: every interleaving/);
    expect(report).toMatch(/Your console output:\n {2}my debug line/);
    expect(report.indexOf('my debug line')).toBeGreaterThan(report.indexOf('Your console output'));
  });

  it("shows a failing step's story to its end: a searched schedule's breaking step is never cut off", () => {
    const steps = Array.from({ length: 13 }, (_, i) => `00:00:00.000  enactor-az${(i % 2) + 1}  step ${i + 1}`);
    const story = ['generation-never-regresses broke after step 13 of 13.', 'Replay it: …', '', ...steps, '00:00:00.000  ✖ generation-never-regresses: a stale plan overwrote a newer one'].join('\n');
    const run: LessonRun = { lesson: lesson('02', 'Generation checks'), side: 'exercise', loadErrors: [], tests: [test('step 7: every interleaving', 'failed', story)] };
    const shown = lessonReport(run).join('\n');
    expect(shown).toContain('step 13');
    expect(shown).toContain('✖ generation-never-regresses: a stale plan overwrote a newer one');
    const long = [...Array.from({ length: 200 }, (_, i) => `line ${i + 1}`), 'the invariant broke here'].join('\n');
    const cut = lessonReport({ ...run, tests: [test('step 7: every interleaving', 'failed', long)] }).join('\n');
    expect(cut, 'the head, the gap marked, and the end').toMatch(/line 8\n\s+⋮ \d+ lines not shown[^\n]*\n[^]*the invariant broke here/);
    expect(cut).not.toContain('line 100\n');
  });

  it('cuts a long verdict to one 80-column line', () => {
    const long = 'step 4: an Enactor that lost the lock retries with back-off and still never writes an old plan';
    const run: LessonRun = { lesson: lesson('02', 'Generation checks'), side: 'exercise', loadErrors: [], tests: [test(long, 'failed', 'x')] };
    expect(verdict(run)).toHaveLength(80);
    expect(verdict(run)).toMatch(/^Lesson 02: 0\/1, next failing step: step 4: an Enactor that lost .*…$/);
  });

  it('names a syntax error by its place in the learner\'s file', () => {
    const error = [
      '/tmp/outage-lab-x/exercises/02-lesson/test/a.test.ts: Transform failed with 1 error:',
      '',
      '[PARSE_ERROR] Unexpected token',
      '   ╭─[ exercises/02-lesson/src/enactor.ts:8:18 ]',
    ].join('\n');
    const run: LessonRun = { lesson: lesson('02', 'Generation checks'), side: 'exercise', loadErrors: [error], tests: [] };
    expect(verdict(run)).toBe('Lesson 02: your code does not load: Unexpected token at src/enactor.ts:8:18');
    expect(lessonReport(run).join('\n'), 'absolute paths shortened').not.toContain('/tmp/outage-lab-x');
  });
});
