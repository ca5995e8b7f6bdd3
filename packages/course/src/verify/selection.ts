import { resolve } from 'node:path';
import { BadInput } from '@outage-lab/cli';
import type { Manifest } from '../manifest.ts';
import { ensurePristineStarters, lessonFiles, starterPath } from '../starters/pristine.ts';

/**
 * What verify judges, chosen before anything runs: the pristine copy of every lesson file
 * (taken from git where a copy is missing), never the learner's working file. Apart from
 * the run so that the choice can be tested without starting Vitest.
 */
export interface StarterSelection {
  /** Each working file (absolute path) and the pristine copy judged in its place. */
  readonly substitutes: ReadonlyMap<string, string>;
  /** The one-line note when working files differ from their copies, or null. */
  readonly note: string | null;
}

export function selectStarters(root: string, manifest: Manifest): StarterSelection {
  const unknown = ensurePristineStarters(root, manifest);
  // Damaged local state, not a failure of the check: one line and exit 2.
  if (unknown.length > 0) throw new BadInput(`no pristine copy of ${unknown.join(', ')}, and git has none (run \`npm ci\` in a clone)`);
  const substitutes = new Map(
    manifest.lessons.flatMap((lesson) => lesson.files.map((file) => [resolve(root, lesson.folder, file), starterPath(root, lesson, file)] as const)),
  );
  const edited = manifest.lessons.flatMap((lesson) => lessonFiles(root, lesson).filter((f) => f.mine !== f.starter).map((f) => f.path));
  const note =
    edited.length === 0
      ? null
      : `${edited.length} lesson ${edited.length === 1 ? 'file differs' : 'files differ'} from the pristine starters; verify judges the pristine copies (after changing a starter: npm run starters -- --refresh)`;
  return { substitutes, note };
}
