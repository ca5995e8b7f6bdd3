import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { Lesson } from './manifest.ts';
import { applyEdits, EditError, type Edit } from './edits.ts';
import { STARTERS_DIR, starterPath } from './starters/pristine.ts';

/**
 * Known-wrong fixes: mistakes a learner plausibly makes, kept next to each solution as
 * `solutions/NN-slug/wrong/<name>.json`. Each names the step that must catch it, says the
 * mistake, and holds the mistake itself as small edits of the solution (or, for a cheat
 * that starts from the starter, of the pristine starter): never a second copy, so a
 * solution can change without its wrong fixes going stale unnoticed. This is mutation
 * testing of the lesson tests: the red/green matrix checks that each one stays red, at
 * that step, by assertion.
 */
export interface WrongFix {
  readonly lesson: Lesson;
  readonly name: string;
  /** Repository-relative path of the fix's `.json`. */
  readonly spec: string;
  /**
   * Repository-relative folder where the fix's files are said to live (in type errors,
   * for one): beside the folder they are edited from, at the same depth, so that the
   * files' relative imports mean what they mean there. Nothing is written there.
   */
  readonly src: string;
  /** The step number whose test must be the first to fail. */
  readonly redAt: number;
  /**
   * Later steps that must fail too: a step that would pass on a night where the mistake
   * left nothing to judge (lesson 01's timeline step, on a night without a race).
   */
  readonly alsoRedAt: readonly number[];
  /** The mistake, in one sentence, in the incident's words. */
  readonly mistake: string;
  /** What the edits apply to: the reference solution, or the starter as it ships. */
  readonly base: 'solution' | 'starter';
  readonly edits: readonly FileEdit[];
}

/** An edit of a snippet, or a whole file written anew (`content`: a cheat that keeps nothing). */
export type FileEdit = Edit | { readonly file: string; readonly content: string };

export class WrongFixError extends Error {
  override name = 'WrongFixError';
}

/** A snippet in JSON: one string, or an array of lines for a snippet of several. */
function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((line) => typeof line === 'string')) return value.join('\n');
  return null;
}

function readEdit(raw: unknown, at: string, i: number): FileEdit {
  const { file, replace, with: by, content } = (raw ?? {}) as Record<string, unknown>;
  const where = `${at}: edit ${i + 1}`;
  if (typeof file !== 'string' || !/^src\/[\w./-]+\.ts$/.test(file) || file.includes('..')) throw new WrongFixError(`${where}: "file" must be a lesson file such as "src/enactor.ts"`);
  if (content !== undefined) {
    const whole = text(content);
    if (whole === null || replace !== undefined || by !== undefined) throw new WrongFixError(`${where}: "content" is the whole new file (a string or lines), and comes without "replace"/"with"`);
    return { file, content: whole };
  }
  const snippet = text(replace);
  const replacement = text(by);
  if (snippet === null || snippet === '' || replacement === null) throw new WrongFixError(`${where}: needs "replace" (an exact snippet) and "with" (what stands there instead), each a string or lines`);
  return { file, replace: snippet, with: replacement };
}

function readFix(lesson: Lesson, name: string, root: string): WrongFix {
  const spec = `${lesson.solution}/wrong/${name}.json`;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(root, spec), 'utf8'));
  } catch (error) {
    throw new WrongFixError(`${spec}: cannot be read as JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const { redAt, alsoRedAt = [], mistake, base = 'solution', edits } = (raw ?? {}) as Record<string, unknown>;
  if (typeof redAt !== 'number' || !Number.isInteger(redAt) || redAt < 1) throw new WrongFixError(`${spec}: "redAt" must be the step number that catches the mistake`);
  if (!Array.isArray(alsoRedAt) || !alsoRedAt.every((s): s is number => Number.isInteger(s) && s > redAt)) throw new WrongFixError(`${spec}: "alsoRedAt" lists later step numbers that must fail too`);
  if (typeof mistake !== 'string' || mistake === '') throw new WrongFixError(`${spec}: "mistake" must say the mistake in one sentence`);
  if (base !== 'solution' && base !== 'starter') throw new WrongFixError(`${spec}: "base" is "solution" (the default) or "starter"`);
  if (!Array.isArray(edits) || edits.length === 0) throw new WrongFixError(`${spec}: "edits" must list at least one edit`);
  const from = base === 'solution' ? lesson.solution : `${STARTERS_DIR}/${basename(lesson.folder)}`;
  const src = `${from}~${name}/src`;
  return { lesson, name, spec, src, redAt, alsoRedAt, mistake, base, edits: edits.map((edit, i) => readEdit(edit, spec, i)) };
}

export function wrongFixes(lesson: Lesson, root: string): WrongFix[] {
  const dir = join(root, lesson.solution, 'wrong');
  if (!existsSync(dir)) return [];
  const entries = readdirSync(dir, { withFileTypes: true });
  // A stray folder or file would be a wrong fix that silently never runs.
  const stray = entries.find((entry) => !entry.isFile() || !/^[a-z0-9-]+\.json$/.test(entry.name));
  if (stray !== undefined) throw new WrongFixError(`${lesson.solution}/wrong/${stray.name}: a wrong fix is one <name>.json file (lower-case name, dashes), with "redAt", "mistake" and "edits"`);
  return entries
    .map((entry) => entry.name.slice(0, -'.json'.length))
    .sort()
    .map((name) => readFix(lesson, name, root));
}

/** The file a fix's edits apply to, absolute. */
export function baseFile(fix: WrongFix, root: string, file: string): string {
  return fix.base === 'solution' ? join(root, fix.lesson.solution, file) : starterPath(root, fix.lesson, file);
}

/**
 * The fix's files, edited: lesson-relative path to the new text. Throws WrongFixError,
 * naming the fix and the edit, when a file is missing or a snippet is not found exactly once.
 */
export function wrongFixFiles(fix: WrongFix, root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const file of [...new Set(fix.edits.map((e) => e.file))]) {
    const mine = fix.edits.filter((e) => e.file === file);
    const path = baseFile(fix, root, file);
    if (!existsSync(path)) throw new WrongFixError(`${fix.spec}: ${file} is not a file of the ${fix.base} (${path.slice(root.length + 1)})`);
    const whole = mine.filter((e): e is { file: string; content: string } => 'content' in e);
    if (whole.length > 0 && mine.length > 1) throw new WrongFixError(`${fix.spec}: ${file} is written anew ("content") and edited too; keep one`);
    try {
      files.set(file, whole[0]?.content ?? applyEdits(readFileSync(path, 'utf8'), mine.filter((e): e is Edit => 'replace' in e)));
    } catch (error) {
      if (error instanceof EditError) throw new WrongFixError(`${fix.spec}: ${error.message}`);
      throw error;
    }
  }
  return files;
}

/** A known-wrong fix whose edits no longer apply, and why. */
export interface RefusedFix {
  readonly fix: WrongFix;
  readonly reason: string;
}

/** Each fix's edited files, or why its edits no longer apply: a wrong cell of the matrix, not a crash of the check. */
export function editWrongFixes(fixes: readonly WrongFix[], root: string): { applied: { fix: WrongFix; files: Map<string, string> }[]; refused: RefusedFix[] } {
  const applied: { fix: WrongFix; files: Map<string, string> }[] = [];
  const refused: RefusedFix[] = [];
  for (const fix of fixes) {
    try {
      applied.push({ fix, files: wrongFixFiles(fix, root) });
    } catch (error) {
      if (!(error instanceof WrongFixError)) throw error;
      refused.push({ fix, reason: error.message });
    }
  }
  return { applied, refused };
}

/**
 * The fix as a folder of its own, in memory, for the type checker: every file of its
 * base's `src/` under `fix.src` (absolute path to text), the edited ones edited. The
 * files it leaves alone come along so that the edited ones' relative imports resolve.
 */
export function wrongFixTree(fix: WrongFix, root: string, edited: ReadonlyMap<string, string>): Map<string, string> {
  const base = dirname(baseFile(fix, root, 'src/x.ts'));
  const tree = new Map<string, string>();
  for (const entry of readdirSync(base, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const file = relative(dirname(base), join(entry.parentPath, entry.name)).split(sep).join('/');
    tree.set(join(root, dirname(fix.src), file), edited.get(file) ?? readFileSync(join(entry.parentPath, entry.name), 'utf8'));
  }
  return tree;
}
