import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../src/schema.ts';
import { join, post, progress, removeDir, startBoard, tempDir, verdict, type TestBoard } from './support/board.ts';

function get(url: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, url), { headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the board on loopback', () => {
  const dir = tempDir();
  let t: TestBoard;
  beforeAll(async () => {
    t = await startBoard(dir);
  });
  afterAll(async () => {
    await t.close();
    removeDir(dir);
  });

  it('lets a learner join with the code, then take progress with the code and the token', async () => {
    const token = await join(t.url, t.code, 'Ada');
    const answer = await progress(t.url, t.code, token, verdict('02', 1, 3));
    expect(answer.status).toBe(204);
    const board = JSON.parse((await get(t.url, '/api/board')).text) as { learners: { name: string; current: string; cells: Record<string, { passed: number; total: number; failing: string }> }[] };
    expect(board.learners).toEqual([expect.objectContaining({ name: 'Ada', current: '02', cells: { '02': expect.objectContaining({ passed: 1, total: 3, failing: 'step 2: the 2th thing' }) } })]);
  });

  it('refuses a write with no join code or a wrong one, in one line', async () => {
    const token = await join(t.url, t.code, 'Grace');
    for (const headers of [{}, { 'x-join-code': 'ZZZZ-0000' }] as Record<string, string>[]) {
      const joining = await post(t.url, '/api/join', { name: 'Mallory' }, headers);
      expect(joining.status).toBe(403);
      expect(joining.text).toMatch(/^(no join code|wrong join code)[^\n]*\n$/);
      const writing = await post(t.url, '/api/progress', verdict('01', 0, 1), { ...headers, authorization: `Bearer ${token}` });
      expect(writing.status, 'the right token without the right code is refused too').toBe(403);
    }
    const forged = await progress(t.url, t.code, 'not-a-token-anyone-was-given', verdict('01', 0, 1));
    expect([forged.status, forged.text]).toEqual([401, 'unknown learner token: join the class again\n']);
    expect(t.service.state.learners.size, 'nobody joined without the code').toBe(2);
  });

  it('refuses bad payloads with 400 and one line naming the field', async () => {
    const token = await join(t.url, t.code, 'Linus');
    const bad: [unknown, RegExp][] = [
      ['{"v":1,', /the body is not JSON/],
      [{ v: 2, lessons: [] }, /payload\.v must be 1/],
      [{ v: 1, lessons: [{ id: '01', hints: 0, at: '2025-10-20T06:48:00.000Z', code: 'export const x = 1' }] }, /unknown field "code"/],
      [{ v: 1, lessons: [{ id: '../etc', hints: 0, at: '2025-10-20T06:48:00.000Z' }] }, /lessons\[0\]\.id must be/],
      [{ v: 1, lessons: [{ id: '01', hints: -1, at: '2025-10-20T06:48:00.000Z' }] }, /hints must be a whole number/],
      [{ v: 1, lessons: [{ id: '01', hints: 0, at: 'yesterday' }] }, /at must be an ISO time/],
      [{ v: 1, lessons: [{ id: '01', hints: 0, at: '2025-10-20T06:48:00.000Z', steps: [{ name: 'x', state: 'green' }] }] }, /state must be one of/],
      [{ v: 1, lessons: [{ id: '01', hints: 0, at: '2025-10-20T06:48:00.000Z', steps: [{ name: 'x'.repeat(LIMITS.stepName + 1), state: 'passed' }] }] }, /longer than 160/],
    ];
    for (const [body, line] of bad) {
      const answer = await progress(t.url, t.code, token, body);
      expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(answer.text).toMatch(line);
      expect(answer.text.trimEnd().split('\n')).toHaveLength(1);
    }
    const huge = await progress(t.url, t.code, token, { v: 1, lessons: [], pad: 'x'.repeat(LIMITS.bodyBytes) });
    expect(huge.status).toBe(413);
  });

  it('refuses oversized names and names with control characters', async () => {
    const long = await post(t.url, '/api/join', { name: 'N'.repeat(LIMITS.name + 1) }, { 'x-join-code': t.code });
    expect([long.status, long.text]).toEqual([400, `bad payload: name is longer than ${LIMITS.name} characters\n`]);
    const escape = await post(t.url, '/api/join', { name: 'Eve\u001b[2J' }, { 'x-join-code': t.code });
    expect([escape.status, escape.text]).toEqual([400, 'bad payload: name contains control characters\n']);
    const form = await post(t.url, '/api/join', 'name=Eve', { 'x-join-code': t.code, 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status, 'a form post from another web page is not JSON').toBe(415);
  });

  it('limits writes per token', async () => {
    const own = tempDir();
    const strict = await startBoard(own, { rate: { burst: 3, perSecond: 0.01 } });
    try {
      const token = await join(strict.url, strict.code, 'Barbara');
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) statuses.push((await progress(strict.url, strict.code, token, verdict('01', 0, 2))).status);
      expect(statuses).toEqual([204, 204, 204, 429, 429]);
      const other = await join(strict.url, strict.code, 'Ken');
      expect((await progress(strict.url, strict.code, other, verdict('01', 0, 2))).status, 'another learner is not slowed').toBe(204);
    } finally {
      await strict.close();
      removeDir(own);
    }
  });

  it('accepts only the Host headers it serves under', async () => {
    const port = new URL(t.url).port;
    for (const host of ['evil.example', `attacker.test:${port}`, '127.0.0.1.nip.io']) {
      const answer = await get(t.url, '/', { host });
      expect(answer.status, host).toBe(421);
      expect(answer.text).toMatch(/^refused: Host .* is not this board's address\n$/);
    }
    expect((await get(t.url, '/', { host: `localhost:${port}` })).status).toBe(200);
  });

  it('serves one self-contained page whose policy allows no request but its own stream', async () => {
    const page = await get(t.url, '/');
    expect(page.status).toBe(200);
    const policy = String(page.headers['content-security-policy']);
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(page.text, 'no external URL').not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('gives the "most stuck" list to a page on a loopback origin, and to no other', async () => {
    for (const name of ['Barbara', 'Ken']) await progress(t.url, t.code, await join(t.url, t.code, name), verdict('01', 0, 2));
    const mine = await get(t.url, '/api/stuck', { origin: 'http://127.0.0.1:8040' });
    expect(mine.headers['access-control-allow-origin']).toBe('http://127.0.0.1:8040');
    const stuck = JSON.parse(mine.text) as { stuck: { lesson: string; step: string; learners: number }[]; title: string; items: string[] };
    expect(stuck.stuck[0]).toMatchObject({ lesson: '01', learners: 2 });
    expect(stuck.title).toBe('Most stuck');
    expect(stuck.items[0]).toBe('Lesson 01 · step 1: the 1th thing: 2 learners');
    expect(mine.text, 'no learner names in the list').not.toMatch(/Ada|Grace|Barbara|Ken/);
    const theirs = await get(t.url, '/api/stuck', { origin: 'https://evil.example' });
    expect(theirs.headers['access-control-allow-origin']).toBeUndefined();
  });

  it("gives the presenter's corner the class, to a deck open on this machine only", async () => {
    await progress(t.url, t.code, await join(t.url, t.code, 'Hedy'), verdict('02', 1, 3));
    const answer = await get(t.url, '/api/room', { origin: 'null' });
    expect(answer.headers['access-control-allow-origin'], 'a deck opened from a file may read it').toBe('null');
    const room = JSON.parse(answer.text) as { title: string; items: string[] };
    expect(room.title).toBe('Class');
    expect(room.items).toContainEqual(expect.stringMatching(/^Lesson 02: \d+ learners?$/));
    expect(room.items).toContainEqual(expect.stringMatching(/^Stuck longest: .+, lesson \d+ · step \d+: /));
    expect((await get(t.url, '/api/room', { origin: 'https://evil.example' })).headers['access-control-allow-origin']).toBeUndefined();
  });
});
