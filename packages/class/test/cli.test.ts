import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join as joinPath } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runClass } from '../src/cli.ts';
import { shareProgress } from '../src/client.ts';
import { LAST_SENT_PATH, MEMBERSHIP_PATH } from '../src/membership.ts';
import { removeDir, startBoard, tempDir, type TestBoard } from './support/board.ts';

async function cli(root: string, argv: readonly string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runClass(argv, { root, out: (l) => void out.push(l), err: (l) => void err.push(l), now: () => new Date() });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const lesson = { id: '02', title: 'Clean-up keeps the active plan', steps: [{ name: 'step 1: clean-up spares the active plan', state: 'failed' as const }], hints: 1, at: '2025-10-20T07:04:00.000Z' };

describe('npm run class -- join / status / leave / export', () => {
  const boardDir = tempDir();
  const learner = tempDir();
  let t: TestBoard;
  beforeAll(async () => {
    t = await startBoard(boardDir);
  });
  afterAll(async () => {
    await t.close();
    removeDir(boardDir);
    removeDir(learner);
  });

  it('joins: the board knows the learner, and .outage-lab/ keeps the address and a token', async () => {
    const result = await cli(learner, ['join', t.url, t.code.toLowerCase().replace('-', ''), '--name', 'Ada']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain(`Joined the class board at ${t.url} as "Ada".`);
    const saved = JSON.parse(readFileSync(joinPath(learner, MEMBERSHIP_PATH), 'utf8')) as Record<string, string>;
    expect(saved).toMatchObject({ board: t.url, code: t.code, name: 'Ada' });
    expect(saved['token']).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect([...t.service.state.learners.values()].map((l) => l.name)).toEqual(['Ada']);
  });

  it('status shows exactly what was last sent', async () => {
    expect(await shareProgress(learner, [lesson])).toEqual({ kind: 'sent' });
    const result = await cli(learner, ['status']);
    expect(result.code).toBe(0);
    expect(result.out).toContain(`Sharing progress with the class board at ${t.url} as "Ada"`);
    expect(result.out).toContain('Never your code, file contents, paths or environment.');
    const sent = JSON.parse(readFileSync(joinPath(learner, LAST_SENT_PATH), 'utf8')) as { body: unknown };
    expect(sent.body).toEqual({ v: 1, lessons: [lesson] });
    expect(result.out).toContain(JSON.stringify(sent.body, null, 2));
  });

  it('export writes the session as CSV, names defused for spreadsheets', async () => {
    const other = tempDir();
    await cli(other, ['join', t.url, t.code, '--name', '=HYPERLINK("x")']);
    expect(await shareProgress(other, [{ ...lesson, steps: [{ name: 'step 1: clean-up spares the active plan', state: 'passed' }] }])).toEqual({ kind: 'sent' });
    removeDir(other);
    const out = joinPath(boardDir, 'session.csv');
    const result = await cli(boardDir, ['export', '--dir', '.', '--out', 'session.csv']);
    expect(result.out).toBe('Wrote session.csv (2 learners).');
    const rows = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(rows[0]).toBe('learner,left,lesson,title,passed,total,failing_step,failing_since,minutes_on_step,hints,last_verdict,updates');
    expect(rows[2]).toMatch(/^Ada,false,02,Clean-up keeps the active plan,0,1,step 1: clean-up spares the active plan,\d{4}-.*Z,\d+,1,2025-10-20T07:04:00.000Z,1$/);
    expect(rows[1]).toMatch(/^"'=HYPERLINK\(""x""\)",false,02,Clean-up keeps the active plan,1,1,,,,1,/);
    expect(rows).toHaveLength(3);
  });

  it('leave stops sending and tells the board', async () => {
    const result = await cli(learner, ['leave']);
    expect(result.out).toBe('Left the class board. Nothing more is sent.');
    expect(existsSync(joinPath(learner, MEMBERSHIP_PATH))).toBe(false);
    expect(await shareProgress(learner, [lesson])).toEqual({ kind: 'not-joined' });
    expect([...t.service.state.learners.values()].find((l) => l.name === 'Ada')?.left).toBe(true);
    expect((await cli(learner, ['status'])).out).toMatch(/^Not sharing progress/);
  });

  it('refuses what was typed wrong in one line with exit 2, and an unreachable board with exit 1', async () => {
    const cases: [string[], RegExp][] = [
      [[], /^class: which command\? \(valid: serve, join, status, leave, export; --help for more\)$/],
      [['jion'], /^class: unknown command "jion" \(valid: serve, join, status, leave, export; --help for more\)$/],
      [['join', t.url], /^class join: missing <code>: the join code the board printed \(valid: npm run class -- join <url> <code> \[--name <name>\]\)$/],
      [['join', t.url, t.code, 'extra'], /^class join: unexpected argument "extra" \(valid: npm run class -- join <url> <code> \[--name <name>\]\)$/],
      [['join', 'ftp://x', t.code], /^class join: "ftp:\/\/x" is not a board address/],
      [['join', `${t.url}/api?x=1`, t.code], /is not a board address/],
      [['join', t.url, '1234-ABCD'], /^class join: "1234-ABCD" is not a join code \(valid: four letters and four digits/],
      [['join', t.url, t.code, '--name', 'x'.repeat(41)], /^class join: --name is longer than 40 characters/],
      [['join', t.url, t.code, '--name'], /^class join: --name needs a value \(valid: --name <name> or --name=<name>\)$/],
      [['serve', '--port', 'http'], /^class serve: --port "http" is not a port/],
      [['serve', '--stuck-after', '-3'], /^class serve: --stuck-after/],
      [['serve', '--lan=yes'], /^class serve: --lan takes no value \(valid: --lan on its own\)$/],
      [['status', '--verbose'], /^class status: unknown option "--verbose" \(valid: --help\)$/],
      [['export', '--out', 'x.txt'], /^class export: --out "x.txt" must end in \.csv$/],
    ];
    for (const [argv, line] of cases) {
      const result = await cli(learner, argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.err).toMatch(line);
      expect(result.err.split('\n')).toHaveLength(1);
    }
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const address = closed.address();
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const port = typeof address === 'object' && address !== null ? address.port : 1;
    const unreachable = await cli(learner, ['join', `http://127.0.0.1:${port}`, t.code]);
    expect(unreachable.code).toBe(1);
    expect(unreachable.err).toMatch(/^class join: the board at http:\/\/127\.0\.0\.1:\d+ did not answer \(ECONNREFUSED\)/);
    const wrong = await cli(learner, ['join', t.url, 'ZZZZ-0000']);
    expect([wrong.code, wrong.err]).toEqual([1, 'class join: the board refused: wrong join code']);
  });

  it('prints help on --help and -h: the group, or the command named, exit 0', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const result = await cli(learner, argv);
      expect(result.code).toBe(0);
      expect(result.out).toMatch(/^usage: npm run class -- <command> \[--help\]\n/);
      for (const name of ['serve', 'join', 'status', 'leave', 'export']) expect(result.out).toContain(`npm run class -- ${name}`);
    }
    const join = await cli(learner, ['join', '--bogus', '-h']);
    expect(join.code).toBe(0);
    expect(join.out).toMatch(/^usage: npm run class -- join <url> <code> \[--name <name>\]\n/);
    expect(join.out).toContain('<code>');
  });
});
