import { request } from 'node:http';

export type PostResult = { readonly ok: true; readonly status: number; readonly body: string } | { readonly ok: false; readonly reason: string };

/**
 * One POST with a hard deadline on the whole exchange (connecting included), and no
 * pooled socket left behind: a learner's command must never wait on the board for longer.
 * Never rejects.
 */
export function postJson(origin: string, path: string, headers: Readonly<Record<string, string>>, body: unknown, timeoutMs: number): Promise<PostResult> {
  const data = Buffer.from(JSON.stringify(body));
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: PostResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    let req: ReturnType<typeof request>;
    try {
      req = request(new URL(path, origin), {
        method: 'POST',
        agent: false,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(data.length) },
      });
    } catch (error) {
      resolve({ ok: false, reason: error instanceof Error ? error.message : String(error) });
      return;
    }
    const timer = setTimeout(() => {
      settle({ ok: false, reason: `no answer within ${timeoutMs} ms` });
      req.destroy();
    }, timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => settle({ ok: false, reason: error.code ?? error.message }));
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (text.length < 4096) text += chunk;
      });
      res.on('end', () => settle({ ok: true, status: res.statusCode ?? 0, body: text }));
      res.on('error', (error) => settle({ ok: false, reason: error.message }));
    });
    req.end(data);
  });
}
