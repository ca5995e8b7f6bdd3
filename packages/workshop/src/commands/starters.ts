import pc from 'picocolors';
import { parseCommandArgs, type CommandSpec } from '../args.ts';
import type { Context } from '../context.ts';
import { loadManifest } from '../manifest.ts';
import { snapshotStarters, staleStarters, STARTERS_DIR } from '../starters.ts';

export const spec: CommandSpec = {
  name: 'starters',
  summary: `instructors: copy the lessons' starter files into ${STARTERS_DIR} (reset restores from there)`,
  takesLesson: false,
  options: { check: { type: 'boolean', description: 'only report copies that are missing or out of date; exit 1 if any' } },
};

export async function run(ctx: Context, argv: readonly string[]): Promise<number> {
  const args = parseCommandArgs(spec, argv, ctx.env);
  const manifest = loadManifest(ctx.root);
  if (args.flags['check'] === true) {
    const stale = staleStarters(ctx.root, manifest);
    for (const path of stale) ctx.io.out(`${pc.red('✗')} ${path}: pristine copy missing or different`);
    ctx.io.out(stale.length === 0 ? pc.green(`Pristine copies match the starters of ${manifest.lessons.length} lessons.`) : 'Refresh them: npm run starters -w @outage-lab/workshop');
    return stale.length === 0 ? 0 : 1;
  }
  const written = snapshotStarters(ctx.root, manifest);
  for (const path of written) ctx.io.out(`wrote ${path}`);
  ctx.io.out(written.length === 0 ? 'Pristine copies already match the starters.' : `Commit ${STARTERS_DIR} with the lessons.`);
  return 0;
}
