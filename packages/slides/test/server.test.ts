import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDecks, type DeckServer } from '../src/server.ts';
import { FIXTURES, fakeAgenda, fakeDiagrams } from './support/render.ts';

/** GET with the path sent exactly as written: fetch() would normalise `..` away. */
function get(server: DeckServer, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens the live-reload stream and resolves with the first event's data. */
function nextReload(server: DeckServer): { connected: Promise<void>; event: Promise<string> } {
  let connected!: () => void;
  const ready = new Promise<void>((r) => (connected = r));
  const event = new Promise<string>((resolve, reject) => {
    const req = request(new URL('/__reload', server.url), (res) => {
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        buffer += chunk;
        if (buffer.includes(': connected')) connected();
        const match = /data: (.*)\n\n/.exec(buffer);
        if (match !== null) {
          resolve(match[1] ?? '');
          req.destroy();
        }
      });
    });
    req.on('error', (error) => (error.message === 'socket hang up' ? undefined : reject(error)));
    req.end();
  });
  return { connected: ready, event };
}

describe('npm run slides', () => {
  const dir = mkdtempSync(join(tmpdir(), 'slides-serve-'));
  copyFileSync(join(FIXTURES, 'basic.md'), join(dir, 'basic.md'));
  copyFileSync(join(FIXTURES, 'plain.md'), join(dir, 'plain.md'));
  let server: DeckServer;
  beforeAll(async () => {
    server = await serveDecks({ decksDir: dir, outDir: join(dir, 'dist'), agenda: fakeAgenda, diagrams: fakeDiagrams, port: 0 });
  });
  afterAll(async () => server.close());

  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves an index page listing the decks', async () => {
    const index = await get(server, '/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<a href="basic.html">Two Enactors, one endpoint</a>');
    expect(index.body).toContain('<a href="plain.html">A plain deck</a>');
  });

  it('serves a deck with the live-reload script added, and keeps the file on disk as built', async () => {
    const deck = await get(server, '/basic.html?presenter');
    expect(deck.status).toBe(200);
    expect(deck.body).toContain("new EventSource(\"/__reload\")");
    expect(readFileSync(join(dir, 'dist', 'basic.html'), 'utf8')).not.toContain('EventSource');
  });

  it.each(['/../basic.md', '/%2e%2e/basic.md', '/..%2fbasic.md', '/..%2F..%2Fetc%2Fpasswd', '/%2e%2e/%2e%2e/etc/passwd'])(
    'refuses %s, which is outside the output folder',
    async (path) => {
      const response = await get(server, path);
      expect(response.status).toBe(403);
      expect(response.body).toBe('refused: outside the slides output folder');
    },
  );

  it.each(['evil.example', 'evil.example:80', '127.0.0.1.evil.example', 'localhost.evil.example', '127.0.0.2'])(
    'refuses the Host header %j, so a page elsewhere cannot read the decks through DNS rebinding',
    async (host) => {
      for (const path of ['/', '/basic.html', '/__reload']) {
        const response = await get(server, path, { host });
        expect(response.status, path).toBe(403);
        expect(response.body).toBe('refused: the Host header must be 127.0.0.1 or localhost');
      }
    },
  );

  it('answers requests addressed to localhost', async () => {
    const { port } = new URL(server.url);
    expect((await get(server, '/', { host: `localhost:${port}` })).status).toBe(200);
  });

  it('answers 404 for a file that is not there', async () => {
    expect((await get(server, '/nothing.html')).status).toBe(404);
  });

  it('rebuilds a deck when it changes and tells the open page to reload', async () => {
    const reload = nextReload(server);
    await reload.connected;
    writeFileSync(join(dir, 'plain.md'), readFileSync(join(dir, 'plain.md'), 'utf8').replace('Nothing to draw.', 'Edited while serving.'));
    expect(JSON.parse(await reload.event)).toEqual({ deck: 'plain' });
    expect((await get(server, '/plain.html')).body).toContain('Edited while serving.');
  });

  it('shows the errors of a deck broken while serving, instead of a stale copy', async () => {
    const reload = nextReload(server);
    await reload.connected;
    writeFileSync(join(dir, 'plain.md'), '---\ntitel: typo\n---\n# x\n');
    await reload.event;
    const page = await get(server, '/plain.html');
    expect(page.status).toBe(500);
    expect(page.body).toContain('plain.md:2: front matter: unknown key `titel`');
  });
});
