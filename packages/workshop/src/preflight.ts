import pc from 'picocolors';
import { preflightChecks } from './checks.ts';
import type { Context } from './context.ts';
import { Blocked } from '@outage-lab/cli';

/**
 * Node, npm and the installed dependencies, checked before Vitest starts (epicshop
 * does the same): a fresh machine fails here with the fix, not deep inside Vitest.
 * Returns the one-line summary the dashboard shows.
 */
export function preflight(ctx: Context): string {
  const checks = preflightChecks(ctx.root, ctx.env);
  const failed = checks.find((c) => !c.ok && c.severity === 'error');
  if (failed !== undefined) throw new Blocked(failed.summary, failed.fix);
  return checks.map((c) => `${c.ok ? pc.green('✓') : pc.yellow('!')} ${c.summary.replace(/ \(.*\)$/, '')}`).join('  ');
}
