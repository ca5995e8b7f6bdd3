import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The ordered list of lessons: the single source for the CLI's progress, hints and reset,
 * the Vitest UI's groups, the instructor's red/green check and the slides' agenda
 * (rustlings' info.toml plays the same part).
 */
export interface Lesson {
  /** Two digits: `01`. */
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  /** Repository-relative folders. */
  readonly folder: string;
  readonly solution: string;
  /** Files the learner edits, relative to `folder`. */
  readonly files: readonly string[];
  /**
   * Repository-relative path of the lesson's hints, from gentle to nearly the answer: a
   * file beside the solution (see hints.ts), so that browsing the manifest gives nothing away.
   */
  readonly hints: string;
  readonly minutes: number;
}

export interface Manifest {
  readonly lessons: readonly Lesson[];
}

export class ManifestError extends Error {
  override name = 'ManifestError';
}

/** The repository root: three levels above this file. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const MANIFEST_PATH = 'exercises/manifest.json';

export function loadManifest(root: string = REPO_ROOT): Manifest {
  const path = join(root, MANIFEST_PATH);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ManifestError(`${MANIFEST_PATH}: cannot be read as JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return validateManifest(raw);
}

export function validateManifest(raw: unknown): Manifest {
  const lessons = (raw as { lessons?: unknown } | null)?.lessons;
  if (!Array.isArray(lessons)) throw new ManifestError(`${MANIFEST_PATH}: "lessons" must be a list`);
  const seen = new Set<string>();
  const checked = lessons.map((lesson: unknown, i): Lesson => {
    const at = `${MANIFEST_PATH}: lessons[${i}]`;
    const l = lesson as Record<string, unknown>;
    const text = (field: string): string => {
      const value = l[field];
      if (typeof value !== 'string' || value === '') throw new ManifestError(`${at}.${field} must be a non-empty string`);
      return value;
    };
    const id = text('id');
    if (!/^\d{2}$/.test(id)) throw new ManifestError(`${at}.id "${id}" must be two digits, like "01"`);
    if (seen.has(id)) throw new ManifestError(`${at}.id "${id}" appears twice`);
    seen.add(id);
    const list = (field: string, min: number): string[] => {
      const value = l[field];
      if (!Array.isArray(value) || value.length < min || !value.every((v) => typeof v === 'string' && v !== '')) {
        throw new ManifestError(`${at}.${field} must be a list of at least ${min} non-empty strings`);
      }
      return value as string[];
    };
    const minutes = l['minutes'];
    if (typeof minutes !== 'number' || !(minutes > 0)) throw new ManifestError(`${at}.minutes must be a positive number`);
    const solution = text('solution');
    const hints = text('hints');
    if (!hints.startsWith(`${solution}/`) || hints.includes('..')) throw new ManifestError(`${at}.hints "${hints}" must be a file in the lesson's solution folder, like "${solution}/HINTS.md"`);
    return { id, slug: text('slug'), title: text('title'), folder: text('folder'), solution, files: list('files', 1), hints, minutes };
  });
  return { lessons: checked };
}

/** A lesson by id (`1`, `01`) or slug; null when there is none. */
export function findLesson(manifest: Manifest, key: string): Lesson | null {
  const id = /^\d+$/.test(key) ? key.padStart(2, '0') : null;
  return manifest.lessons.find((l) => l.id === id || l.slug === key || `${l.id}-${l.slug}` === key) ?? null;
}
