import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ClassState } from './board.ts';
import type { ClassContext, Flags } from './context.ts';
import { Blocked } from '@outage-lab/cli';
import { joinClass, leaveClass } from './client.ts';
import { exportCsv } from './csv.ts';
import { readLog } from './log-store.ts';
import { LAST_SENT_PATH, MEMBERSHIP_PATH, readLastSent, readMembership } from './membership.ts';

/** Where `class serve` keeps the session, relative to the repository. */
export const BOARD_DIR = '.outage-lab/class-board';
export const LOG_NAME = 'board.jsonl';

export async function joinCommand(ctx: ClassContext, [url = '', code = '']: readonly string[], flags: Flags): Promise<number> {
  const given = typeof flags['name'] === 'string' ? flags['name'] : null;
  // A made-up name rather than the account name: nothing about the machine leaves it.
  const name = given ?? `learner-${randomBytes(2).toString('hex')}`;
  const membership = await joinClass(ctx.root, url, code, name, ctx.now());
  ctx.out(`Joined the class board at ${membership.board} as "${membership.name}".${given === null ? ' (Choose a name with --name.)' : ''}`);
  ctx.out('From now on npm start, npm run lesson (also --watch) and npm run hint send your progress after each verdict:');
  ctx.out('lesson, step names and their states, hint count and times. Never your code, files, paths or environment.');
  ctx.out('See exactly what is sent: npm run class -- status   ·   stop: npm run class -- leave');
  return 0;
}

export async function statusCommand(ctx: ClassContext): Promise<number> {
  const read = readMembership(ctx.root);
  if (read.kind === 'none') {
    ctx.out('Not sharing progress with a class board. Join one with: npm run class -- join <url> <code> --name <name>');
    return 0;
  }
  if (read.kind === 'damaged') throw new Blocked(read.reason, undefined, 'class status');
  const { board, name, joinedAt } = read.membership;
  ctx.out(`Sharing progress with the class board at ${board} as "${name}" (joined ${joinedAt}; kept in ${MEMBERSHIP_PATH}).`);
  ctx.out('After each verdict of npm start, npm run lesson (also --watch) and npm run hint, one POST to /api/progress');
  ctx.out('carries your join code, your token and this JSON: for each lesson its id and title, each step\'s name and');
  ctx.out('state (passed/failed/skipped/pending), whether your code loaded, your hint count and the verdict\'s time.');
  ctx.out('Never your code, file contents, paths or environment.');
  const last = readLastSent(ctx.root);
  if (last === null) {
    ctx.out('Nothing sent yet.');
  } else {
    ctx.out(`Last sent ${last.at} to ${last.to} (${last.outcome}), exactly (${LAST_SENT_PATH}):`);
    ctx.out(JSON.stringify(last.body, null, 2));
  }
  ctx.out('Stop sharing: npm run class -- leave');
  return 0;
}

export async function leaveCommand(ctx: ClassContext): Promise<number> {
  const { wasJoined, boardTold } = await leaveClass(ctx.root);
  if (!wasJoined) ctx.out('Not sharing progress with a class board; nothing to leave.');
  else ctx.out(`Left the class board${boardTold ? '' : " (it did not answer; it will not hear from you again anyway)"}. Nothing more is sent.`);
  return 0;
}

export function boardDir(ctx: ClassContext, flags: Flags): string {
  return resolve(ctx.root, typeof flags['dir'] === 'string' ? flags['dir'] : BOARD_DIR);
}

export async function exportCommand(ctx: ClassContext, _positionals: readonly string[], flags: Flags): Promise<number> {
  const dir = boardDir(ctx, flags);
  const loaded = readLog(join(dir, LOG_NAME));
  for (const note of loaded.notes) ctx.err(note);
  if (loaded.records.length === 0) throw new Blocked(`no session in ${relative(ctx.root, dir) || '.'} (start one with npm run class -- serve)`, undefined, 'class export');
  const state = new ClassState();
  for (const record of loaded.records) state.apply(record);
  const now = ctx.now();
  const stamp = now.toISOString().replace(/[:]/g, '').replace(/\..*/, '');
  const out = typeof flags['out'] === 'string' ? resolve(ctx.root, flags['out']) : join(dir, `class-${stamp}.csv`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, exportCsv(state, now.getTime()));
  ctx.out(`Wrote ${relative(ctx.root, out)} (${state.learners.size} learners).`);
  return 0;
}
