import { readFileSync } from 'node:fs';

/** The part of exercises/manifest.json that the agenda shows. */
export interface AgendaLesson {
  readonly id: string;
  readonly title: string;
  readonly minutes: number | null;
}

/**
 * Reads the lesson manifest, the single list of lessons shared with the learner CLI.
 * Throws an Error whose message says what is wrong with the file.
 */
export function readLessons(path: string): AgendaLesson[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`the lesson manifest ${path} does not exist (the agenda is generated from it)`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`the lesson manifest ${path} is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const lessons = typeof data === 'object' && data !== null && 'lessons' in data ? data.lessons : undefined;
  if (!Array.isArray(lessons)) throw new Error(`the lesson manifest ${path} has no "lessons" list`);
  return lessons.map((lesson: unknown, i) => {
    const entry = (typeof lesson === 'object' && lesson !== null ? lesson : {}) as Record<string, unknown>;
    const { id, title, minutes } = entry;
    if (typeof id !== 'string' || typeof title !== 'string') {
      throw new Error(`the lesson manifest ${path}: lessons[${i}] needs a string "id" and "title"`);
    }
    if (minutes !== undefined && (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0)) {
      throw new Error(`the lesson manifest ${path}: lessons[${i}].minutes must be a number of minutes`);
    }
    return { id, title, minutes: typeof minutes === 'number' ? minutes : null };
  });
}
