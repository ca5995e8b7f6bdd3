import { join } from 'node:path';
import pc from 'picocolors';
import type { Reporter, Vitest } from 'vitest/node';
import { BadInput, Blocked } from '@outage-lab/cli';
import { learnerCommand, parseCommandArgs } from '../args.ts';
import { isCi } from '../checks.ts';
import type { Context } from '../context.ts';
import { portFree, UI_PORT } from '../environment-checks.ts';
import { collectLessonRun, loadManifest, type Manifest, exerciseProject, UI_RUN_ENV } from '@outage-lab/course';
import { preflight } from '../preflight.ts';
import { verdict } from '../render/lesson-report.ts';
import { untilStopped } from '../until-stopped.ts';

export const spec = learnerCommand({
  name: 'ui',
  summary: 'every lesson in the Vitest UI, on 127.0.0.1',
  flags: {
    port: { type: 'string', value: 'port', examples: ['51205'], help: `the port to serve on (default ${UI_PORT})`, check: (value) => void portFrom(value) },
    open: { type: 'boolean', help: 'open a browser tab (default: yes, unless CI is set; --no-open to stop it)' },
  },
});

export const uiUrl = (port: number): string => `http://127.0.0.1:${port}/__vitest__/`;

function portFrom(value: string | boolean | undefined): number {
  if (value === undefined || typeof value === 'boolean') return UI_PORT;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(port) || port < 1024 || port > 65535) throw new BadInput(`--port ${JSON.stringify(value)} is not a whole number from 1024 to 65535`, 'ui');
  return port;
}

/** After each run, one verdict line per lesson, so the terminal says something too. */
function verdicts(ctx: Context, manifest: Manifest, vitest: () => Vitest | null): Reporter {
  return {
    onTestRunEnd() {
      const modules = vitest()?.state.getTestModules() ?? [];
      for (const lesson of manifest.lessons) ctx.io.out(pc.dim(verdict(collectLessonRun(lesson, 'exercise', modules))));
    },
  };
}

/** Serves the UI until Ctrl-C; each lesson is its own Vitest project, so its own group. */
export async function run(ctx: Context, argv: readonly string[]): Promise<number> {
  const args = parseCommandArgs(spec, argv, ctx);
  const port = portFrom(args.flags['port']);
  preflight(ctx);
  const manifest = loadManifest(ctx.root);
  if (!(await portFree(port))) throw new Blocked(`ui: port ${port} is taken (another \`npm run ui\`?)`, `stop it, or \`npm run ui -- --port ${port + 1}\``);
  const open = typeof args.flags['open'] === 'boolean' ? args.flags['open'] : !isCi(ctx.env);
  const { createVitest } = await import('vitest/node');
  // Step 0 (the type check) as a test in each lesson's group, so the UI counts what the CLI
  // counts, and failures in the lesson's words, as the CLI shows them.
  process.env[UI_RUN_ENV] = '1';
  let vitest: Vitest | null = null;
  vitest = await createVitest(
    'test',
    {
      root: ctx.root,
      config: join(ctx.root, 'vitest.config.ts'),
      project: manifest.lessons.map(exerciseProject),
      watch: true,
      ui: true,
      open,
      api: { host: '127.0.0.1', port, strictPort: true },
      reporters: [verdicts(ctx, manifest, () => vitest)],
    },
    { server: { host: '127.0.0.1' }, logLevel: 'silent' },
  );
  ctx.io.out(`${pc.bold('Vitest UI')} ${pc.cyan(uiUrl(port))}  (each lesson is a group; Ctrl-C to stop)`);
  const running = vitest.start();
  await untilStopped();
  await vitest.close();
  await running.catch(() => undefined);
  return 0;
}
