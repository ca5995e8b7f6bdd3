import { createServer } from 'node:net';
import { browserGate, launchChromium } from '@outage-lab/browser';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, removeRepo, spawnCli, tempRepo } from './support/temp-repo.ts';
import { follow } from './support/wait.ts';

/** Throws under CI when no browser is installed: there a missing browser is a failure, not a skip. */
const gate = browserGate();
if (!gate.run) console.warn(`workshop: ${gate.reason}`);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

type Mark = 'pass' | 'fail' | 'none';

describe('npm run ui', () => {
  const root = tempRepo();
  afterAll(() => removeRepo(root));

  it('refuses a port that is taken, in one line with the fix', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const result = await cli(root, ['ui', '--port', String(port), '--no-open']);
      expect(result.code).toBe(1);
      expect(result.err).toBe(`ui: port ${port} is taken (another \`npm run ui\`?) (fix: stop it, or \`npm run ui -- --port ${port + 1}\`)`);
    } finally {
      server.close();
    }
  });

  // Vitest inside the CLI, plus Chromium: the heaviest test here on a busy laptop.
  describe.skipIf(!gate.run)("in Debian's Chromium", { timeout: 180_000 }, () => {
    it('serves every lesson as a group on 127.0.0.1, with red and green steps', async () => {
      if (!gate.run) return;
      const port = await freePort();
      const child = follow(spawnCli(root, ['ui', '--port', String(port), '--no-open']));
      const browser = await launchChromium(gate.executablePath);
      try {
        await child.until(/Lesson 02: /);
        const url = `http://127.0.0.1:${port}/__vitest__/`;
        expect(child.out).toContain(`Vitest UI ${url}`);
        const page = await browser.newPage();
        await page.goto(url, { waitUntil: 'domcontentloaded' });
        const items = page.locator('[data-testid="explorer-item"]');
        await items.filter({ hasText: 'step 2: clean-up still deletes plans nobody uses' }).waitFor();
        for (const [project, file] of [
          ['01 Fresh plans only', 'exercises/01-fresh-plans/test/freshness.test.ts'],
          ['02 Clean-up keeps the active plan', 'exercises/02-keep-the-active-plan/test/cleanup.test.ts'],
        ] as const) {
          // Each lesson's files: its tests, and step 0's (packages/course/src/ui-type-step.ts).
          await expect(items.filter({ hasText: project }).evaluateAll((found) => found.map((f) => f.getAttribute('aria-label'))), `the lesson "${project}" is listed as a group`).resolves.toContain(file);
        }
        const marks = await page.locator('[data-testid="explorer-item"]').evaluateAll((items) =>
          items.map((item) => {
            const names = Array.from(item.querySelectorAll('*')).flatMap((n) => [...n.getAttributeNames(), ...Array.from(n.classList)]);
            const mark = names.includes('i-carbon:checkmark') ? 'pass' : names.includes('i-carbon:close') ? 'fail' : 'none';
            return [item.getAttribute('aria-label') ?? '', mark] as const;
          }),
        );
        const state = Object.fromEntries(marks) as Record<string, Mark>;
        expect(
          marks.filter(([label]) => label === 'step 0: your files type-check').map(([, mark]) => mark),
          "each lesson's group shows step 0, as the CLI does, so the counts agree",
        ).toEqual(['pass', 'pass']);
        expect(state, 'the starters are red where the lesson has work to do and green elsewhere').toMatchObject({
          'step 1: an Enactor applies a newer plan': 'pass',
          'step 2: an Enactor refuses a plan older than the active one': 'fail',
          'step 3: an endpoint without a plan takes any plan': 'pass',
          'step 1: clean-up spares the plan the regional endpoint points at': 'fail',
          'step 2: clean-up still deletes plans nobody uses': 'pass',
        });
      } finally {
        await browser.close();
        child.kill('SIGINT');
      }
      expect(await child.ended, 'Ctrl-C stops the UI cleanly').toBe(0);
    }, 180_000); // A guard: it runs every lesson in the UI, 55 s on a busy 2-core machine.
  });
});
