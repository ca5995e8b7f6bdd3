import pc from 'picocolors';
import type { FirstFailing, LessonStatus } from '../lesson-status.ts';
import type { Lesson } from '@outage-lab/course';
import { bar } from './bar.ts';
import { excerpt, fit, indent, truncate, wrap, WIDTH } from './text.ts';

export interface DashboardLesson {
  readonly lesson: Lesson;
  readonly status: LessonStatus;
  /** How many hints the lesson has, and how many of them the learner has not seen. */
  readonly hints: number;
  readonly hintsLeft: number;
}

export interface Dashboard {
  readonly lessons: readonly DashboardLesson[];
  /** The README's task paragraph of the next lesson, if it has one. */
  readonly nextTask: string | null;
}

const TITLE = 32;
const BAR = 10;

function statusText(status: LessonStatus): string {
  switch (status.kind) {
    case 'done':
      return pc.green('done');
    case 'in-progress':
      return pc.yellow(`${status.passed}/${status.total} passing`);
    case 'not-started':
      return pc.dim('not started');
    case 'broken':
      return pc.red("tests can't load it");
    case 'no-tests':
      return pc.dim('no tests yet');
  }
}

function lessonBar(status: LessonStatus): string {
  const counts = status.kind === 'done' || status.kind === 'in-progress' ? status : { passed: 0, total: 1 };
  const { filled, empty } = bar(counts.passed, counts.total, BAR);
  return `${status.kind === 'done' ? pc.green(filled) : pc.yellow(filled)}${pc.dim(empty)}`;
}

/** The step to work on, in full (never cut): a timed-out one says so, since the code may be right. */
function firstFailing(step: FirstFailing): string[] {
  const text = step.looping
    ? `${step.title}: never finished, your code is probably looping`
    : step.timedOut
      ? `${step.title}: took too long, the machine may be busy; run it again`
      : `first failing: ${step.title}`;
  return indent(wrap(text, WIDTH - 8), '        ').map((l) => pc.dim(l));
}

/** The first lesson not yet passing: what to work on now. */
export const nextLesson = (lessons: readonly DashboardLesson[]): DashboardLesson | null => lessons.find((l) => l.status.kind !== 'done') ?? null;

/**
 * The whole dashboard for an 80-column terminal, ending with the overall progress bar
 * (rustlings pins it at the bottom; a one-shot screen ends with it).
 */
export function renderDashboard(dashboard: Dashboard): string[] {
  const next = nextLesson(dashboard.lessons);
  const lines = [pc.bold('Outage Lab · the AWS us-east-1 outage of 19-20 October 2025'), ''];
  for (const entry of dashboard.lessons) {
    const { lesson, status } = entry;
    const mark = status.kind === 'done' ? pc.green('✓') : status.kind === 'broken' ? pc.red('✗') : entry === next ? pc.cyan('▸') : ' ';
    lines.push(`  ${mark} ${lesson.id} ${fit(lesson.title, TITLE)}  ${lessonBar(status)}  ${statusText(status)}`);
    if (status.kind === 'in-progress' && status.firstFailing !== null) lines.push(...firstFailing(status.firstFailing));
  }
  if (dashboard.lessons.some((l) => l.status.kind === 'not-started' && l.status.passed > 0)) {
    lines.push('', ...indent(wrap('Some steps pass before you start: they check the parts of the code you are given, so the count starts above zero.', WIDTH - 2), '  ').map((l) => pc.dim(l)));
  }
  const done = dashboard.lessons.filter((l) => l.status.kind === 'done');
  if (done.length > 0) {
    lines.push('', 'Solutions, now that you passed:');
    for (const { lesson } of done) lines.push(`  ${lesson.id} ${lesson.solution}/NOTES.md`);
  }
  lines.push('', ...(next === null ? allDone() : nextSection(next, dashboard.nextTask)));
  lines.push('', progressLine(dashboard.lessons));
  return lines;
}

function allDone(): string[] {
  return [pc.green('Every lesson passes. Well done: the solutions and their notes are listed above.')];
}

function nextSection(entry: DashboardLesson, task: string | null): string[] {
  const { lesson, status } = entry;
  const lines = [pc.bold(`Next: Lesson ${lesson.id} · ${lesson.title}`) + pc.dim(`  (about ${lesson.minutes} min)`)];
  lines.push(`  Read  ${lesson.folder}/README.md`);
  lesson.files.forEach((file, i) => lines.push(`  ${i === 0 ? 'Edit' : '    '}  ${lesson.folder}/${file}`));
  if (task !== null) lines.push('', ...indent(excerpt(task, WIDTH - 4, 6), '  '));
  if (status.kind === 'broken') lines.push('', pc.red(`  ${truncate(status.problem.split('\n')[0] ?? '', WIDTH - 2)}`));
  const id = lesson.id;
  const hints = entry.hintsLeft === 0 ? 'no hints left' : `${entry.hintsLeft} of ${entry.hints} left`;
  lines.push(
    '',
    'Commands',
    `  ${fit(`npm run lesson -- ${id} --watch`, 30)} re-run lesson ${id} on every save`,
    `  ${fit(`npm run hint -- ${id}`, 30)} the next hint (${hints})`,
    `  ${fit(`npm run diff -- ${id}`, 30)} yours against the solution (the answer)`,
    `  ${fit(`npm run reset -- ${id}`, 30)} start again (yours is backed up)`,
    `  ${fit('npm run ui', 30)} every lesson in the Vitest UI`,
    `  ${fit('npm run doctor', 30)} check Node, ports, file watching`,
  );
  return lines;
}

function progressLine(lessons: readonly DashboardLesson[]): string {
  const done = lessons.filter((l) => l.status.kind === 'done').length;
  const steps = lessons.reduce(
    (sum, { status }) => (status.kind === 'done' || status.kind === 'in-progress' || status.kind === 'not-started' ? { passed: sum.passed + status.passed, total: sum.total + status.total } : sum),
    { passed: 0, total: 0 },
  );
  const summary = ` ${done}/${lessons.length} lessons · ${steps.passed}/${steps.total} steps`;
  const { filled, empty } = bar(done, lessons.length, WIDTH - 'Progress '.length - summary.length - 1);
  return `${pc.bold('Progress')} ${pc.green(filled)}${pc.dim(empty)}${summary}`;
}
