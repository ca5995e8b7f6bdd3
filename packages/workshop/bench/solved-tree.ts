import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';

const SKIP = new Set(['node_modules', '.results', '.turbo', 'dist', 'coverage', '.outage-lab', 'backups']);

/**
 * A copy of the repository, node_modules linked, with the pristine starters made as `npm ci`
 * makes them: the learner's tree on their first day. `solve` then lays every lesson's
 * solution over its starter, the tree of a learner who has finished. The bench times both
 * without touching the working tree it runs in.
 */
export function learnerTree(root: string): { readonly dir: string; solve(): void; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'outage-lab-bench-'));
  cpSync(root, dir, {
    recursive: true,
    filter: (source) => {
      const path = relative(root, source);
      return path === '' || (!path.split(sep).some((part) => SKIP.has(part)) && path !== '.git');
    },
  });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const starters = spawnSync(process.execPath, ['--import', 'tsx', join(dir, 'packages/course/src/starters/cli.ts')], { cwd: dir, stdio: 'ignore' });
  if (starters.status !== 0) throw new Error(`the bench's learner tree: making the pristine starters failed (exit ${starters.status})`);
  return {
    dir,
    solve() {
      for (const lesson of readdirSync(join(dir, 'solutions'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)) cpSync(join(dir, 'solutions', lesson, 'src'), join(dir, 'exercises', lesson, 'src'), { recursive: true });
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
