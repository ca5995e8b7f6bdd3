import type { LessonProgress, Step } from './schema.ts';

/** What the board remembers of one learner's lesson, after their last verdict. */
export interface Cell {
  readonly title?: string;
  readonly steps: readonly Step[];
  readonly loadError: boolean;
  readonly hints: number;
  /** The verdict's time on the learner's clock, as sent. */
  readonly verdictAt: string;
  /** When the board received it (ms, the board's clock). */
  readonly at: number;
  /** Since when (board's clock) the same step has been the first failing one; null when none fails. */
  readonly since: number | null;
}

/** The log's records; replaying them in order rebuilds the board exactly. */
export type BoardRecord =
  | { readonly t: 'session'; readonly code: string; readonly at: number }
  | { readonly t: 'join'; readonly id: string; readonly name: string; readonly tokenHash: string; readonly at: number }
  | { readonly t: 'cell'; readonly id: string; readonly lesson: string; readonly cell: Cell; readonly n: number }
  | { readonly t: 'leave'; readonly id: string; readonly at: number };

export interface Learner {
  readonly id: string;
  readonly name: string;
  readonly tokenHash: string;
  readonly joinedAt: number;
  left: boolean;
  /** The lesson the learner is on: the one their last verdict was about. */
  current: string | null;
  /** Progress writes accepted from this learner, ever. */
  updates: number;
  readonly cells: Map<string, Cell>;
}

export const LOAD_ERROR_STEP = '(the code does not load)';

export function failingStep(cell: Cell): string | null {
  if (cell.loadError) return LOAD_ERROR_STEP;
  return cell.steps.find((s) => s.state !== 'passed')?.name ?? null;
}

export const passedSteps = (cell: Cell): number => cell.steps.filter((s) => s.state === 'passed').length;

/** The class in memory: learners by id and by token hash. Every change is returned as records to log. */
export class ClassState {
  code: string | null = null;
  readonly learners = new Map<string, Learner>();
  private readonly byToken = new Map<string, string>();

  apply(record: BoardRecord): void {
    switch (record.t) {
      case 'session':
        this.code = record.code;
        return;
      case 'join': {
        const learner: Learner = { id: record.id, name: record.name, tokenHash: record.tokenHash, joinedAt: record.at, left: false, current: null, updates: 0, cells: new Map() };
        this.learners.set(record.id, learner);
        this.byToken.set(record.tokenHash, record.id);
        return;
      }
      case 'cell': {
        const learner = this.learners.get(record.id);
        if (learner === undefined) return;
        learner.cells.set(record.lesson, record.cell);
        learner.current = record.lesson;
        learner.updates = Math.max(learner.updates, record.n);
        return;
      }
      case 'leave': {
        const learner = this.learners.get(record.id);
        if (learner === undefined) return;
        learner.left = true;
        this.byToken.delete(learner.tokenHash);
        return;
      }
    }
  }

  learnerByToken(tokenHash: string): Learner | null {
    const id = this.byToken.get(tokenHash);
    return id === undefined ? null : (this.learners.get(id) ?? null);
  }

  get activeCount(): number {
    return this.byToken.size;
  }

  /**
   * The records one progress write turns into. A lesson without steps only updates the hint
   * count. Of a dashboard's many lessons, the learner is "on" the first one not yet done.
   */
  progressRecords(learner: Learner, lessons: readonly LessonProgress[], now: number): BoardRecord[] {
    const n = learner.updates + 1;
    const cells = lessons.map((lesson) => ({ lesson: lesson.id, cell: nextCell(learner.cells.get(lesson.id), lesson, now) }));
    const current = cells.length === 1 ? cells[0] : (cells.find((c) => failingStep(c.cell) !== null) ?? cells.at(-1));
    // The current lesson's record goes last, so replay leaves the learner on it.
    const ordered = [...cells.filter((c) => c !== current), ...(current === undefined ? [] : [current])];
    return ordered.map((c) => ({ t: 'cell', id: learner.id, lesson: c.lesson, cell: c.cell, n }));
  }
}

function nextCell(previous: Cell | undefined, lesson: LessonProgress, now: number): Cell {
  const ran = lesson.steps !== undefined;
  const steps = lesson.steps ?? previous?.steps ?? [];
  const loadError = ran ? lesson.loadError === true : (previous?.loadError ?? false);
  const draft: Cell = { steps, loadError, hints: lesson.hints, verdictAt: lesson.at, at: now, since: null };
  const failing = failingStep(draft);
  const same = previous !== undefined && failing !== null && failingStep(previous) === failing;
  const title = lesson.title ?? previous?.title;
  return { ...(title === undefined ? {} : { title }), ...draft, since: failing === null ? null : same ? previous.since : now };
}
