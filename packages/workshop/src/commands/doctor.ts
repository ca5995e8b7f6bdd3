import pc from 'picocolors';
import { learnerCommand, parseCommandArgs } from '../args.ts';
import { preflightChecks, type Check } from '../checks.ts';
import type { Context } from '../context.ts';
import { chromiumCheck, fileWatchCheck, lessonsCheck, portCheck, stateCheck } from '../environment-checks.ts';

export const spec = learnerCommand({
  name: 'doctor',
  summary: 'check Node, dependencies, ports, file watching and the browser',
  flags: {},
});

export function printChecks(ctx: Context, checks: readonly Check[]): void {
  for (const check of checks) {
    const mark = check.ok ? pc.green('✓') : check.severity === 'error' ? pc.red('✗') : pc.yellow('!');
    ctx.io.out(`  ${mark} ${check.summary}`);
    if (!check.ok) ctx.io.out(`      fix: ${check.fix}`);
  }
}

/** Exit 1 when anything would stop the workshop; warnings alone still exit 0. */
export async function run(ctx: Context, argv: readonly string[]): Promise<number> {
  parseCommandArgs(spec, argv, ctx);
  const checks = [
    ...preflightChecks(ctx.root, ctx.env),
    lessonsCheck(ctx.root),
    await portCheck(),
    await fileWatchCheck(ctx.root),
    chromiumCheck(ctx.env),
    stateCheck(ctx.root),
  ];
  ctx.io.out(pc.bold('Outage Lab doctor'));
  printChecks(ctx, checks);
  const errors = checks.filter((c) => !c.ok && c.severity === 'error').length;
  const warnings = checks.filter((c) => !c.ok && c.severity === 'warning').length;
  ctx.io.out('');
  if (errors > 0) ctx.io.out(pc.red(`${errors} ${errors === 1 ? 'problem stops' : 'problems stop'} the workshop; the fixes are above.`));
  else if (warnings > 0) ctx.io.out(pc.yellow(`Ready, with ${warnings} ${warnings === 1 ? 'warning' : 'warnings'} above.`));
  else ctx.io.out(pc.green('All good. Start with `npm start`.'));
  return errors > 0 ? 1 : 0;
}
