import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The little the CLI remembers between runs: how many hints of each lesson the learner
 * has seen. Kept in `.outage-lab/state.json`, which git ignores; losing it costs nothing
 * but the hint counter, so a missing or damaged file is replaced, never fatal.
 */
export interface WorkshopState {
  readonly version: 1;
  /** Lesson id → number of hints shown. */
  readonly hintsShown: Readonly<Record<string, number>>;
}

export const STATE_PATH = '.outage-lab/state.json';

export const freshState = (): WorkshopState => ({ version: 1, hintsShown: {} });

export interface LoadedState {
  readonly state: WorkshopState;
  /** Why the file on disk was not used, when it existed but could not be read. */
  readonly replaced: string | null;
}

export function loadState(root: string): LoadedState {
  let text: string;
  try {
    text = readFileSync(join(root, STATE_PATH), 'utf8');
  } catch {
    return { state: freshState(), replaced: null };
  }
  try {
    return { state: validState(JSON.parse(text)), replaced: null };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { state: freshState(), replaced: `${STATE_PATH} was damaged (${reason}); started a fresh one` };
  }
}

function validState(raw: unknown): WorkshopState {
  const candidate = raw as { version?: unknown; hintsShown?: unknown } | null;
  if (candidate === null || typeof candidate !== 'object' || candidate.version !== 1) throw new Error('not a version 1 state');
  const hints = candidate.hintsShown;
  if (hints === null || typeof hints !== 'object' || Array.isArray(hints)) throw new Error('hintsShown is not an object');
  const hintsShown: Record<string, number> = {};
  for (const [id, count] of Object.entries(hints)) {
    if (!Number.isInteger(count) || (count as number) < 0) throw new Error(`hintsShown.${id} is not a count`);
    hintsShown[id] = count as number;
  }
  return { version: 1, hintsShown };
}

/** Writes through a temporary file so an interrupted write never leaves half a file. */
export function saveState(root: string, state: WorkshopState): void {
  const path = join(root, STATE_PATH);
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(temporary, path);
}
