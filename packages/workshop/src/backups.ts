import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Lesson, LessonFile } from '@outage-lab/course';

/**
 * `reset` never throws work away: before restoring the starter it copies the learner's
 * files to `backups/<lesson>/<local time>/`, a visible folder at the repository root
 * (git ignores it) that a learner finds in the editor's file tree.
 */
export const BACKUPS_DIR = 'backups';

const two = (n: number): string => String(n).padStart(2, '0');

/** Local time, because that is what the learner's clock says; no colons, for Windows. */
export const stamp = (time: Date): string =>
  `${time.getFullYear()}-${two(time.getMonth() + 1)}-${two(time.getDate())}_${two(time.getHours())}-${two(time.getMinutes())}-${two(time.getSeconds())}`;

/** Writes the learner's existing files under a fresh folder; returns it, repository-relative. */
export function backUp(root: string, lesson: Lesson, files: readonly LessonFile[], time: Date): string {
  const base = join(BACKUPS_DIR, basename(lesson.folder), stamp(time));
  let folder = base;
  for (let n = 2; existsSync(join(root, folder)); n++) folder = `${base}-${n}`;
  for (const file of files) {
    if (file.mine === null) continue;
    const target = join(root, folder, file.file);
    mkdirSync(dirname(target), { recursive: true });
    // Bytes, not text: a file that is not UTF-8 is kept exactly as the learner left it.
    copyFileSync(join(root, file.path), target);
  }
  return folder;
}
