import pc from 'picocolors';
import { parseCommandArgs, type CommandSpec } from '../args.ts';
import type { Context } from '../context.ts';
import { loadManifest } from '../manifest.ts';
import { snapshotStarters, staleStarters, STARTERS_DIR } from '../starters.ts';

export const spec: CommandSpec = {
  name: 'starters',
  summary: `make the pristine copies of the lessons' starter files in ${STARTERS_DIR} that reset restores (npm ci does it)`,
  takesLesson: false,
  options: {
    check: { type: 'boolean', description: 'only report copies that are missing or out of date; exit 1 if any' },
    refresh: { type: 'boolean', description: 'instructors, on a clean tree: overwrite copies that differ from the starters' },
  },
};

export async function run(ctx: Context, argv: readonly string[]): Promise<number> {
  const args = parseCommandArgs(spec, argv, ctx.env);
  const manifest = loadManifest(ctx.root);
  if (args.flags['check'] === true) {
    const stale = staleStarters(ctx.root, manifest);
    for (const path of stale) ctx.io.out(`${pc.red('✗')} ${path}: pristine copy missing or different`);
    ctx.io.out(stale.length === 0 ? pc.green(`Pristine copies match the starters of ${manifest.lessons.length} lessons.`) : 'On a clean tree, refresh them: npm run starters -w @outage-lab/workshop -- --refresh');
    return stale.length === 0 ? 0 : 1;
  }
  const written = snapshotStarters(ctx.root, manifest, { refresh: args.flags['refresh'] === true });
  for (const path of written) ctx.io.out(`wrote ${path}`);
  if (written.length === 0) ctx.io.out('Pristine copies of the starters are in place.');
  return 0;
}
