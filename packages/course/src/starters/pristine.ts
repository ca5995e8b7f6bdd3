import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Lesson, Manifest } from '../manifest.ts';
import { hasHash, recordHash } from './hash.ts';

/**
 * Pristine copies of every file a learner edits: `reset` restores from them and the
 * dashboard tells "not started" from "in progress" by them, offline and without git
 * history (rustlings carries its exercises for the same reason). They are generated,
 * so they are not committed: `npm ci` makes them (the root `prepare` script), right
 * after the clone, before anyone has edited anything. A copy is only ever written where
 * none exists, so a later install never takes a learner's edits for the starter;
 * instructors who change a starter refresh the copies with `--refresh` on a clean tree.
 */
export const STARTERS_DIR = '.outage-lab/starters';

export const starterPath = (root: string, lesson: Lesson, file: string): string => join(root, STARTERS_DIR, basename(lesson.folder), file);

const readOrNull = (path: string): string | null => (existsSync(path) ? readFileSync(path, 'utf8') : null);

export interface LessonFile {
  /** Relative to the lesson folder, as in the manifest. */
  readonly file: string;
  /** Repository-relative path of the learner's copy. */
  readonly path: string;
  readonly mine: string | null;
  readonly starter: string | null;
}

export function lessonFiles(root: string, lesson: Lesson): LessonFile[] {
  return lesson.files.map((file) => ({
    file,
    path: `${lesson.folder}/${file}`,
    mine: readOrNull(join(root, lesson.folder, file)),
    starter: readOrNull(starterPath(root, lesson, file)),
  }));
}

/** True when every file is as it started, false when any differs, null without pristine copies. */
export function isUntouched(files: readonly LessonFile[]): boolean | null {
  if (files.some((f) => f.starter === null)) return null;
  return files.every((f) => f.mine === f.starter);
}

/**
 * Copies each lesson's starter files into the pristine store where no copy exists yet,
 * or over a different one with `refresh`; returns the paths written.
 */
export function snapshotStarters(root: string, manifest: Manifest, options: { readonly refresh?: boolean } = {}): string[] {
  const written: string[] = [];
  for (const lesson of manifest.lessons) {
    for (const file of lesson.files) {
      const content = readOrNull(join(root, lesson.folder, file));
      if (content === null) continue;
      const target = starterPath(root, lesson, file);
      const existing = readOrNull(target);
      // A copy made before hashes were recorded is vouched for only while it equals the starter.
      if (existing === content && !hasHash(target)) recordHash(target, readFileSync(target));
      if (existing === content || (existing !== null && options.refresh !== true)) continue;
      mkdirSync(dirname(target), { recursive: true });
      const bytes = readFileSync(join(root, lesson.folder, file));
      writeFileSync(target, bytes);
      recordHash(target, bytes);
      written.push(target.slice(root.length + 1));
    }
  }
  return written;
}

/** Lesson files whose pristine copy is missing or differs from the starter in the lesson folder. */
export function staleStarters(root: string, manifest: Manifest): string[] {
  return manifest.lessons.flatMap((lesson) =>
    lessonFiles(root, lesson)
      .filter((f) => f.starter === null || f.mine !== f.starter)
      .map((f) => f.path),
  );
}

/** A file as git last committed it, or null outside a repository or for an uncommitted file. */
function committed(root: string, path: string): string | null {
  const shown = spawnSync('git', ['show', `HEAD:${path}`], { cwd: root, encoding: 'utf8' });
  return shown.status === 0 ? shown.stdout : null;
}

/**
 * Makes sure every lesson file has a pristine copy, for the instructors' check: one
 * that is missing (a clone installed without its `prepare` script) is taken from git's
 * committed version, never from the learner's working file. Returns the files that have
 * neither.
 */
export function ensurePristineStarters(root: string, manifest: Manifest): string[] {
  const unknown: string[] = [];
  for (const lesson of manifest.lessons) {
    for (const file of lessonFiles(root, lesson).filter((f) => f.starter === null)) {
      const content = committed(root, file.path);
      if (content === null) {
        unknown.push(file.path);
        continue;
      }
      const target = starterPath(root, lesson, file.file);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
  }
  return unknown;
}
