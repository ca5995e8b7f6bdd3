import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, extname, isAbsolute, relative, resolve } from 'node:path';
import { localHostHeader } from '@outage-lab/cli';
import { buildDecks, listDecks, writeDeck, writeIndex, type BuildOptions, type DeckResult } from './build.ts';
import { escapeHtml } from './html.ts';

export interface ServeOptions extends BuildOptions {
  readonly outDir: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly log?: (line: string) => void;
}

export interface DeckServer {
  readonly url: string;
  readonly results: ReadonlyMap<string, DeckResult>;
  close(): Promise<void>;
}

const RELOAD_PATH = '/__reload';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.pdf': 'application/pdf',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

/**
 * `npm run slides`: builds every deck, serves the output folder on 127.0.0.1 and reloads
 * an open deck when its Markdown changes (Server-Sent Events; the page keeps its slide
 * because the slide number is in the URL hash).
 */
export async function serveDecks(options: ServeOptions): Promise<DeckServer> {
  const log = options.log ?? (() => {});
  const outDir = resolve(options.outDir);
  const results = new Map<string, DeckResult>();
  const listeners = new Set<ServerResponse>();

  const notify = (deck: string): void => {
    for (const res of listeners) res.write(`data: ${JSON.stringify({ deck })}\n\n`);
  };
  const rebuild = (only: readonly string[]): void => {
    const built = buildDecks({ ...options, only });
    for (const result of built) {
      results.set(result.name, result);
      writeDeck(result, outDir);
      if (result.errors.length === 0) log(`built ${result.name} (${result.deck?.slides.length ?? 0} slides)`);
      for (const error of result.errors) log(error.message);
    }
    writeIndex([...results.values()].sort((a, b) => a.name.localeCompare(b.name)), outDir);
    if (only.length === 0) notify('*');
    else for (const result of built) notify(result.name);
  };
  rebuild([]);

  const server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, 'text/plain; charset=utf-8', 'internal error'));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!localHostHeader(req.headers.host)) return send(res, 403, 'text/plain; charset=utf-8', 'refused: the Host header must be 127.0.0.1 or localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'only GET and HEAD');
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    if (rawPath === RELOAD_PATH) return openStream(res);
    let path: string;
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      return send(res, 400, 'text/plain; charset=utf-8', 'bad URL encoding');
    }
    const file = resolve(outDir, `.${path.endsWith('/') ? `${path}index.html` : path}`);
    const inside = relative(outDir, file);
    if (path.includes('\0') || inside.startsWith('..') || isAbsolute(inside)) {
      return send(res, 403, 'text/plain; charset=utf-8', 'refused: outside the slides output folder');
    }
    const failed = results.get(basename(file, '.html'));
    if (extname(file) === '.html' && failed !== undefined && failed.page === null) {
      return send(res, 500, TYPES['.html'] ?? '', withReload(errorPage(failed), failed.name));
    }
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return send(res, 404, 'text/plain; charset=utf-8', `not found: ${path}`);
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    if (extname(file) === '.html') return send(res, 200, type, withReload(body.toString('utf8'), basename(file, '.html')), req.method === 'HEAD');
    send(res, 200, type, body, req.method === 'HEAD');
  }

  function openStream(res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    listeners.add(res);
    res.on('close', () => listeners.delete(res));
  }

  const watchers: FSWatcher[] = [];
  const pending = new Map<string, NodeJS.Timeout>();
  // Editors save in several steps (truncate, write, rename); wait for the burst to end.
  const later = (key: string, run: () => void): void => {
    clearTimeout(pending.get(key));
    pending.set(key, setTimeout(() => {
      pending.delete(key);
      run();
    }, 80));
  };
  watchers.push(
    watch(options.decksDir, (_event, filename) => {
      const name = filename?.toString() ?? '';
      if (name.endsWith('.md') && name.toLowerCase() !== 'readme.md') {
        later(name, () => {
          const exists = listDecks(options.decksDir).some((p) => basename(p) === name);
          if (exists) rebuild([name]);
          else forget(basename(name, '.md'));
        });
      } else if (name !== '' && !name.startsWith('.')) {
        later('*', () => rebuild([]));
      }
    }),
  );
  for (const file of options.watchFiles ?? []) {
    try {
      watchers.push(watch(dirname(file), (_e, f) => f?.toString() === basename(file) && later('*', () => rebuild([]))));
    } catch {
      // No such folder yet: the deck that reads the file reports it missing on its own.
    }
  }

  function forget(name: string): void {
    results.delete(name);
    writeIndex([...results.values()], outDir);
    notify('*');
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port, '127.0.0.1', () => ok());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    results,
    async close() {
      for (const w of watchers) w.close();
      for (const t of pending.values()) clearTimeout(t);
      for (const res of listeners) res.end();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headOnly = false): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(headOnly ? undefined : body);
}

/**
 * The served copy reloads itself when its deck is rebuilt; the files on disk stay as built.
 * A deck's policy runs only scripts it lists by hash, so this one's hash joins the list.
 */
function withReload(html: string, name: string): string {
  const code = `(function(){var s=new EventSource(${JSON.stringify(RELOAD_PATH)});s.onmessage=function(e){var d=JSON.parse(e.data);if(d.deck==='*'||d.deck===${JSON.stringify(name)}||${JSON.stringify(name)}==='index')location.reload();};})();`;
  const hash = `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;
  const allowed = html.replace('script-src ', `script-src ${hash} `);
  const at = allowed.lastIndexOf('</body>');
  const script = `<script>${code}</script>`;
  return at < 0 ? allowed + script : allowed.slice(0, at) + script + allowed.slice(at);
}

function errorPage(result: DeckResult): string {
  const items = result.errors.map((e) => `<li>${escapeHtml(e.message)}</li>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(result.name)}: build errors</title><link rel="icon" href="data:,">
<style>body{font:16px/1.5 ui-monospace,monospace;margin:40px;color:#c0392b}</style></head>
<body><h1>${escapeHtml(result.name)} did not build</h1><ul>
${items}
</ul><p>Fix the deck and save: this page reloads by itself.</p></body></html>`;
}
