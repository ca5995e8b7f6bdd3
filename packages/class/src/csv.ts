import { failingStep, passedSteps, type ClassState } from './board.ts';

const COLUMNS = ['learner', 'left', 'lesson', 'title', 'passed', 'total', 'failing_step', 'failing_since', 'minutes_on_step', 'hints', 'last_verdict', 'updates'];

/**
 * One cell per field, quoted when it must be; a leading =, +, - or @ is defused with a quote
 * so a learner's name cannot become a spreadsheet formula.
 */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The session as a table: one row per learner and lesson they reported, as of `now`. */
export function exportCsv(state: ClassState, now: number): string {
  const rows = [COLUMNS.join(',')];
  const learners = [...state.learners.values()].sort((a, b) => a.name.localeCompare(b.name) || a.joinedAt - b.joinedAt);
  for (const learner of learners) {
    const lessons = [...learner.cells].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
    for (const [lesson, cell] of lessons) {
      const failing = failingStep(cell);
      rows.push(
        [
          learner.name,
          learner.left,
          lesson,
          cell.title ?? null,
          passedSteps(cell),
          cell.steps.length,
          failing,
          cell.since === null ? null : new Date(cell.since).toISOString(),
          cell.since === null ? null : Math.floor((now - cell.since) / 60_000),
          cell.hints,
          cell.verdictAt,
          learner.updates,
        ]
          .map(csvField)
          .join(','),
      );
    }
  }
  return `${rows.join('\n')}\n`;
}
