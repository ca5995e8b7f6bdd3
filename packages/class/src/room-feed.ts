import { failingStep, type ClassState } from './board.ts';

/** The slide engine's corner-feed shape: a title and a few lines of text. */
export interface CornerFeed {
  readonly title: string;
  readonly items: readonly string[];
}

/** How many learners the presenter's corner names as stuck longest. */
const LONGEST = 3;

/**
 * The class as the presenter view shows it beside the slides (`npm run slides -- serve
 * --board <url>`): how many learners are on each lesson, and who has been on one failing
 * step longest. Names, lessons and step titles only: nothing of anyone's code.
 */
export function roomFeed(state: ClassState, now: number): CornerFeed {
  const onLesson = new Map<string, number>();
  const stuck: { name: string; lesson: string; step: string; ms: number }[] = [];
  for (const learner of state.learners.values()) {
    if (learner.left || learner.current === null) continue;
    onLesson.set(learner.current, (onLesson.get(learner.current) ?? 0) + 1);
    const cell = learner.cells.get(learner.current);
    const step = cell === undefined ? null : failingStep(cell);
    if (cell !== undefined && step !== null && cell.since !== null) stuck.push({ name: learner.name, lesson: learner.current, step, ms: now - cell.since });
  }
  if (onLesson.size === 0) return { title: 'Class', items: ['Nobody has joined yet.'] };
  const lessons = [...onLesson].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
  const longest = stuck.sort((a, b) => b.ms - a.ms || a.name.localeCompare(b.name)).slice(0, LONGEST);
  return {
    title: 'Class',
    items: [
      ...lessons.map(([lesson, n]) => `Lesson ${lesson}: ${n} ${n === 1 ? 'learner' : 'learners'}`),
      ...longest.map((s) => `Stuck longest: ${s.name}, lesson ${s.lesson} · ${s.step} (${Math.floor(s.ms / 60_000)} min)`),
    ],
  };
}
