import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Lesson, LessonRun, TestOutcome } from '@outage-lab/course';

/**
 * The dashboard's memory: each lesson's last result, keyed by a hash of everything that
 * result depends on (the lesson's files and tests, core's sources, the test set-up and
 * the installed versions). An unchanged lesson is read back instead of run again, so
 * `npm start` answers in about a second when nothing changed; a changed lesson, or
 * a core edited by an instructor, is run again. It is only a cache: a damaged or
 * foreign file is ignored and rewritten, never trusted.
 */
export const CACHE_PATH = '.outage-lab/cache/lesson-results.json';

/** Bump when the stored shape or what a step means changes (step 0 was added in 1). */
const FORMAT = 1;

/** Files outside the lesson that every lesson's result depends on. */
const SHARED = ['packages/core/src', 'packages/workshop/src/vitest-projects.ts', 'packages/workshop/src/lesson-setup.ts', 'packages/workshop/src/step-messages.ts', 'vitest.config.ts', 'tsconfig.base.json', 'package-lock.json'];

interface Stored {
  readonly key: string;
  readonly tests: readonly TestOutcome[];
  readonly loadErrors: readonly string[];
}

function filesUnder(root: string, path: string): string[] {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort();
}

function hashFiles(root: string, paths: readonly string[], into = createHash('sha256')) {
  for (const path of paths.flatMap((p) => filesUnder(root, p))) {
    into.update(`${path}\0`);
    into.update(readFileSync(join(root, path)));
    into.update('\0');
  }
  return into;
}

/** One key per lesson: its manifest entry, its folder and its tsconfig, plus what all lessons share. */
export function lessonKeys(root: string, lessons: readonly Lesson[]): Map<string, string> {
  const shared = hashFiles(root, SHARED).digest('hex');
  return new Map(
    lessons.map((lesson) => {
      const hash = createHash('sha256').update(`${FORMAT}\0${process.versions.node}\0${shared}\0${JSON.stringify(lesson)}\0`);
      return [lesson.id, hashFiles(root, [lesson.folder, `${lesson.folder.split('/')[0] ?? 'exercises'}/tsconfig.json`], hash).digest('hex')];
    }),
  );
}

function readStore(root: string): Record<string, Stored> {
  try {
    const raw = JSON.parse(readFileSync(join(root, CACHE_PATH), 'utf8')) as { format?: unknown; lessons?: unknown };
    if (raw.format !== FORMAT || typeof raw.lessons !== 'object' || raw.lessons === null) return {};
    return raw.lessons as Record<string, Stored>;
  } catch {
    return {};
  }
}

const valid = (s: Stored | undefined): s is Stored => typeof s?.key === 'string' && Array.isArray(s.tests) && Array.isArray(s.loadErrors);

/** The cached run of each lesson whose key still matches. */
export function cachedRuns(root: string, lessons: readonly Lesson[], keys: ReadonlyMap<string, string>): Map<string, LessonRun> {
  const store = readStore(root);
  const found = new Map<string, LessonRun>();
  for (const lesson of lessons) {
    const stored = store[lesson.id];
    if (valid(stored) && stored.key === keys.get(lesson.id)) found.set(lesson.id, { lesson, side: 'exercise', tests: stored.tests, loadErrors: stored.loadErrors });
  }
  return found;
}

/** Records fresh runs beside the ones still valid; written whole and renamed, so a crash never leaves half a file. */
export function storeRuns(root: string, runs: readonly LessonRun[], keys: ReadonlyMap<string, string>): void {
  const store = readStore(root);
  for (const run of runs) {
    const key = keys.get(run.lesson.id);
    if (key !== undefined && run.side === 'exercise') store[run.lesson.id] = { key, tests: run.tests, loadErrors: run.loadErrors };
  }
  const path = join(root, CACHE_PATH);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, `${JSON.stringify({ format: FORMAT, lessons: store })}\n`);
  renameSync(`${path}.tmp`, path);
}
