import pc from 'picocolors';
import { failureLines, looped, progress, timedOut, TYPE_STEP, type Lesson, type LessonRun, type TestOutcome } from '@outage-lab/course';
import { indent, truncate, WIDTH } from './text.ts';

const MESSAGE_LINES = 14;
/**
 * A lesson's tests print only what they measured (how far a search went), and always as
 * `lesson NN: …` (packages/course/test/lesson-sources.test.ts holds them to it): every
 * other line the steps printed is the learner's.
 */
const LESSON_REPORT = /^lesson \d{2}: /;
const CONSOLE_LINES = 20;

const mark = (test: TestOutcome): string =>
  test.state === 'passed' ? pc.green('✓') : test.state === 'failed' ? pc.red('✗') : pc.dim('·');

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Absolute paths in Vitest's messages, shortened to the repository-relative ones the dashboard uses. */
const shortenPaths = (text: string, lesson: Lesson): string => text.replace(new RegExp(`[^\\s'"(\\[]*/${escape(lesson.folder)}/`, 'g'), `${lesson.folder}/`);

/** "Unexpected token at src/cleanup.ts:8:18" out of a transform or import failure. */
function loadProblem(error: string, lesson: Lesson): string {
  const kind = /\[[A-Z_]+\]\s*(.+)/.exec(error)?.[1] ?? /\b\w*Error:\s*(.+)/.exec(error)?.[1] ?? firstLine(error);
  const where = new RegExp(`${escape(lesson.folder)}/([^\\s:\\]]+:\\d+:\\d+)`).exec(shortenPaths(error, lesson))?.[1];
  return where === undefined ? kind.trim() : `${kind.trim()} at ${where}`;
}

/** The one line that ends every run, what a learner glances at after saving. */
export function verdict(run: LessonRun): string {
  const { lesson } = run;
  const firstLoadError = run.loadErrors[0];
  if (firstLoadError !== undefined) return truncate(`Lesson ${lesson.id}: your code does not load: ${loadProblem(firstLoadError, lesson)}`, WIDTH);
  const { passed, total, nextFailing } = progress(run);
  if (total === 0) return `Lesson ${lesson.id}: no tests found in ${lesson.folder}/test`;
  if (nextFailing === null) return `Lesson ${lesson.id}: ${passed}/${total}, done!`;
  if (nextFailing.title === TYPE_STEP) {
    const where = /^(\S+:\d+): /m.exec(nextFailing.errors[0]?.message.split('\n').slice(1).join('\n') ?? '')?.[1];
    return truncate(`Lesson ${lesson.id}: ${passed}/${total}, not done: a type error${where === undefined ? '' : ` at ${where.replace(`${lesson.folder}/`, '')}`}`, WIDTH);
  }
  if (nextFailing.errors.some((e) => looped(e.message))) {
    return truncate(`Lesson ${lesson.id}: ${passed}/${total}, ${nextFailing.title.split(':')[0] ?? 'a step'} never finished: your code is probably looping`, WIDTH);
  }
  if (nextFailing.errors.some((e) => timedOut(e.message))) {
    return truncate(`Lesson ${lesson.id}: ${passed}/${total}, ${nextFailing.title.split(':')[0] ?? 'a step'} took too long (busy machine?): run it again`, WIDTH);
  }
  return truncate(`Lesson ${lesson.id}: ${passed}/${total}, next failing step: ${nextFailing.title}`, WIDTH);
}

const firstLine = (text: string): string => text.split('\n').find((l) => l.trim() !== '')?.trim() ?? text;

/** Every step with its mark, the first failure's story in full, then the verdict. */
export interface ReportOptions {
  readonly logs?: readonly string[];
  readonly next?: Lesson | null;
  /** Every line of a failure, Vitest's own words included (`--verbose`). */
  readonly verbose?: boolean;
}

export function lessonReport(run: LessonRun, options: ReportOptions = {}): string[] {
  const { lesson } = run;
  const lines = [pc.bold(`Lesson ${lesson.id} · ${lesson.title}`), pc.dim(`Edit ${lesson.files.join(', ')} in ${lesson.folder}`), ''];
  for (const error of run.loadErrors) {
    lines.push(pc.red('The tests cannot load your code:'), ...indent(shortenPaths(error, lesson).split('\n').slice(0, MESSAGE_LINES), '  '), '');
  }
  for (const test of run.tests) {
    lines.push(`  ${mark(test)} ${truncate(test.title, WIDTH - 4)}`);
    if (test.note !== undefined) lines.push(pc.dim(`    ${truncate(test.note, WIDTH - 4)}`));
  }
  const { nextFailing } = progress(run);
  if (nextFailing !== null && run.tests.length > 0) {
    lines.push('', `${pc.red('✗')} ${pc.bold(nextFailing.title)}`);
    for (const error of nextFailing.errors) lines.push(...indent(failureLines(error.message, { verbose: options.verbose === true }), '  '));
  }
  const printed = (options.logs ?? []).flatMap((l) => l.replace(/\n$/, '').split('\n'));
  const measured = printed.filter((l) => LESSON_REPORT.test(l));
  if (measured.length > 0) lines.push('', pc.dim("What the lesson's tests measured (not a verdict):"), ...indent(measured, '  '));
  const logs = printed.filter((l) => !LESSON_REPORT.test(l));
  if (logs.length > 0) {
    lines.push('', pc.dim('Your console output:'), ...indent(logs.slice(0, CONSOLE_LINES), '  '));
    if (logs.length > CONSOLE_LINES) lines.push(pc.dim(`  … ${logs.length - CONSOLE_LINES} more lines`));
  }
  if (run.tests.length > 0 && nextFailing === null && run.loadErrors.length === 0) {
    lines.push('', pc.green(`Every step passes. How the solution works, and what else was tempting: ${lesson.solution}/NOTES.md`));
    if (options.next !== undefined && options.next !== null) lines.push(`Next: npm run lesson -- ${options.next.id} --watch  (${options.next.title})`);
  }
  lines.push('', pc.bold(verdict(run)));
  return lines;
}
