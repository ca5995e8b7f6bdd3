import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeCheck, satisfiesMinimum } from '../src/checks.ts';
import { chromiumCheck, fileWatchCheck, portCheck } from '../src/environment-checks.ts';
import { cli, removeRepo, tempRepo } from './support/temp-repo.ts';

describe('npm run doctor', () => {
  const root = tempRepo();
  const bare = tempRepo();
  rmSync(join(bare, 'node_modules'));
  afterAll(() => {
    removeRepo(root);
    removeRepo(bare);
  });

  it('lists Node, npm, dependencies, lessons, port, file watching, browser and progress file', async () => {
    const result = await cli(root, ['doctor'], { npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64' });
    expect(result.code).toBe(0);
    for (const line of [/✓ Node \d+\.\d+\.\d+ \(needs >=20\.19; tested on 20, 22, 24\)/, /✓ npm 11\.19\.1/, /✓ dependencies installed/, /✓ 2 lessons in exercises\/manifest\.json/, /port 51204/, /file watching/, /Chromium|no Chromium/, /progress file/]) {
      expect(result.out).toMatch(line);
    }
  });

  it('names missing dependencies with the fix, and fails', async () => {
    const result = await cli(bare, ['doctor']);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/✗ dependencies not installed: .*vitest/);
    expect(result.out).toContain('fix: run `npm install` at the repository root');
  });

  it('stops a command that needs Vitest before it starts, with the fix on the same line', async () => {
    const result = await cli(bare, ['lesson', '01']);
    expect(result.code).toBe(1);
    expect(result.err.split('\n')).toHaveLength(1);
    expect(result.err).toMatch(/^dependencies not installed: .* \(fix: run `npm install` at the repository root\)$/);
  });

  it('refuses a Node older than the engines field, saying how to upgrade', () => {
    const old = nodeCheck(root, '20.18.3');
    expect(old.ok).toBe(false);
    expect(old.summary).toBe('Node 20.18.3 is too old (needs >=20.19; tested on 20, 22, 24)');
    expect(old.fix).toMatch(/nvm install 24/);
    for (const tested of ['20.19.0', '22.1.0', '24.22.3']) expect(nodeCheck(root, tested).ok).toBe(true);
  });

  it('warns about a Node outside the tested versions, without stopping the workshop', () => {
    for (const untested of ['23.1.0', '26.12.1']) {
      const check = nodeCheck(root, untested);
      expect(check).toMatchObject({ ok: false, severity: 'warning' });
      expect(check.summary).toBe(`Node ${untested} is outside the tested versions (>=20.19; tested on 20, 22, 24); it will probably work`);
    }
  });

  it('compares versions part by part', () => {
    expect(satisfiesMinimum('20.19.0', '>=20.19')).toBe(true);
    expect(satisfiesMinimum('20.9.0', '>=20.19')).toBe(false);
    expect(satisfiesMinimum('v21.0.0', '>=20.19')).toBe(true);
    expect(satisfiesMinimum('8.19.4', '>=9')).toBe(false);
  });

  it('sees a port that is taken and suggests another', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const check = await portCheck(port);
      expect(check.ok).toBe(false);
      expect(check.fix).toContain(`npm run ui -- --port ${port + 1}`);
    } finally {
      server.close();
    }
  });

  it('warns about a missing browser on a laptop, and fails under CI', () => {
    const laptop = chromiumCheck({ CHROMIUM_PATH: '/nowhere/chromium' });
    expect(laptop).toMatchObject({ ok: false, severity: 'warning' });
    expect(laptop.fix).toContain('apt-get install chromium');
    expect(chromiumCheck({ CHROMIUM_PATH: '/nowhere/chromium', CI: 'true' }).severity).toBe('error');
  });

  it('finds that file events arrive on this machine, for in-place and rename-style saves', async () => {
    expect(await fileWatchCheck(root)).toMatchObject({ ok: true, summary: 'file watching works (in-place and rename-style saves)' });
  });
});
