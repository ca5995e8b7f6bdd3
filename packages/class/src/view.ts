import { failingStep, passedSteps, type ClassState } from './board.ts';

/** One learner's lesson as the page draws it: counts and the failing step's name, never more. */
export interface CellView {
  readonly passed: number;
  readonly total: number;
  readonly failing: string | null;
  readonly since: number | null;
  readonly hints: number;
  readonly at: number;
}

export interface LearnerView {
  readonly id: string;
  readonly name: string;
  readonly left: boolean;
  readonly current: string | null;
  readonly updates: number;
  readonly cells: Readonly<Record<string, CellView>>;
}

/** A failing step and how many learners are on it now. No names: this list goes to the slides too. */
export interface StuckStep {
  readonly lesson: string;
  readonly title: string | null;
  readonly step: string;
  readonly learners: number;
  /** Of them, on it longer than the threshold. */
  readonly over: number;
  readonly longestMs: number;
}

export interface BoardView {
  readonly now: number;
  readonly stuckAfterMs: number;
  readonly join: string;
  readonly lessons: readonly { readonly id: string; readonly title: string | null }[];
  readonly learners: readonly LearnerView[];
  readonly stuck: readonly StuckStep[];
}

export const STUCK_LIST_LENGTH = 5;

export function lessonsOf(state: ClassState): { id: string; title: string | null }[] {
  const titles = new Map<string, string | null>();
  for (const learner of state.learners.values()) {
    for (const [id, cell] of learner.cells) if (!titles.has(id) || cell.title !== undefined) titles.set(id, cell.title ?? titles.get(id) ?? null);
  }
  return [...titles].map(([id, title]) => ({ id, title })).sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
}

/** The failing steps the most learners are on right now (each learner counted on their current lesson). */
export function stuckSteps(state: ClassState, now: number, stuckAfterMs: number, limit = STUCK_LIST_LENGTH): StuckStep[] {
  const groups = new Map<string, { lesson: string; title: string | null; step: string; learners: number; over: number; longestMs: number }>();
  for (const learner of state.learners.values()) {
    if (learner.left || learner.current === null) continue;
    const cell = learner.cells.get(learner.current);
    const step = cell === undefined ? null : failingStep(cell);
    if (cell === undefined || step === null || cell.since === null) continue;
    const key = `${learner.current}\u0000${step}`;
    const group = groups.get(key) ?? { lesson: learner.current, title: cell.title ?? null, step, learners: 0, over: 0, longestMs: 0 };
    const on = now - cell.since;
    group.learners += 1;
    if (on >= stuckAfterMs) group.over += 1;
    group.longestMs = Math.max(group.longestMs, on);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.learners - a.learners || b.over - a.over || b.longestMs - a.longestMs).slice(0, limit);
}

export function boardView(state: ClassState, options: { readonly now: number; readonly stuckAfterMs: number; readonly join: string }): BoardView {
  const learners: LearnerView[] = [...state.learners.values()].map((learner) => {
    const cells: Record<string, CellView> = {};
    for (const [id, cell] of learner.cells) {
      cells[id] = { passed: passedSteps(cell), total: cell.steps.length, failing: failingStep(cell), since: cell.since, hints: cell.hints, at: cell.at };
    }
    return { id: learner.id, name: learner.name, left: learner.left, current: learner.current, updates: learner.updates, cells };
  });
  learners.sort((a, b) => Number(a.left) - Number(b.left) || a.name.localeCompare(b.name));
  return { now: options.now, stuckAfterMs: options.stuckAfterMs, join: options.join, lessons: lessonsOf(state), learners, stuck: stuckSteps(state, options.now, options.stuckAfterMs) };
}
