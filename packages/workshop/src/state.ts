import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * Reads the state file. A damaged one (unreadable JSON, the wrong shape, a folder in its
 * place) is moved aside, never deleted, and a fresh one is written in its place, so the
 * note every command prints ("started a fresh one") is true.
 */
export function loadState(root: string): LoadedState {
  const path = join(root, STATE_PATH);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { state: freshState(), replaced: null };
    return replaceDamaged(root, code === 'EISDIR' ? 'it is a folder, not a file' : `it cannot be read: ${code ?? String(error)}`);
  }
  try {
    return { state: validState(JSON.parse(text)), replaced: null };
  } catch (error) {
    return replaceDamaged(root, error instanceof Error ? error.message : String(error));
  }
}

function replaceDamaged(root: string, reason: string): LoadedState {
  const path = join(root, STATE_PATH);
  let aside = `${path}.damaged`;
  for (let n = 2; existsSync(aside); n++) aside = `${path}.damaged-${n}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { state: freshState(), replaced: `${STATE_PATH} is damaged (${reason}) and cannot be moved aside (${code}); hints will not be remembered until it is removed` };
  }
  const failed = saveState(root, freshState());
  const kept = aside.slice(root.length + 1);
  if (failed !== null) return { state: freshState(), replaced: `${STATE_PATH} was damaged (${reason}); kept it as ${kept}, but ${failed}` };
  return { state: freshState(), replaced: `${STATE_PATH} was damaged (${reason}); kept it as ${kept} and started a fresh one` };
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

/**
 * Writes through a temporary file so an interrupted write never leaves half a file.
 * Returns null, or why the counter could not be saved: losing it is never fatal, and the
 * temporary file never stays behind.
 */
export function saveState(root: string, state: WorkshopState): string | null {
  const path = join(root, STATE_PATH);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
    renameSync(temporary, path);
    return null;
  } catch (error) {
    rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return `the hint counter could not be saved in ${STATE_PATH} (${code})`;
  }
}
