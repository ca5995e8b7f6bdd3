import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ManifestError, REPO_ROOT, type Lesson } from './manifest.ts';

/**
 * A lesson's hints live beside its solution (`HINTS.md`), not in the manifest a learner
 * browses: only `npm run hint` hands them out, gentle first. The file is a heading, a line
 * for instructors, then one `## Hint N` section per hint, numbered from 1 in the order
 * they are given; each section's lines are one paragraph.
 */
const HEADING = /^## Hint (\d+)\s*$/;

export const MIN_HINTS = 3;

export function parseHints(text: string, path: string): string[] {
  const hints: string[][] = [];
  for (const line of text.split('\n')) {
    const heading = HEADING.exec(line);
    if (heading !== null) {
      if (Number(heading[1]) !== hints.length + 1) throw new ManifestError(`${path}: "${line.trim()}" must be "## Hint ${hints.length + 1}" (hints are numbered from 1 in order)`);
      hints.push([]);
    } else if (line.trim() !== '') {
      hints[hints.length - 1]?.push(line.trim());
    }
  }
  const empty = hints.findIndex((h) => h.length === 0);
  if (empty >= 0) throw new ManifestError(`${path}: "## Hint ${empty + 1}" has no text under it`);
  if (hints.length < MIN_HINTS) throw new ManifestError(`${path}: needs at least ${MIN_HINTS} "## Hint N" sections, from the idea to nearly the code; it has ${hints.length}`);
  return hints.map((h) => h.join(' '));
}

/** The lesson's hints, gentle first, read from the file its manifest entry names. */
export function loadHints(lesson: Lesson, root: string = REPO_ROOT): string[] {
  let text: string;
  try {
    text = readFileSync(join(root, lesson.hints), 'utf8');
  } catch {
    throw new ManifestError(`${lesson.hints}: the hints of lesson ${lesson.id} cannot be read (the manifest names this file)`);
  }
  return parseHints(text, lesson.hints);
}
