import { BadInput, Blocked } from '@outage-lab/cli';
import { postJson } from './http-client.ts';
import { forget, readMembership, saveLastSent, saveMembership, type Membership } from './membership.ts';
import { LIMITS, parseName, parseProgress, SchemaError, type LessonProgress } from './schema.ts';
import { normaliseJoinCode } from './secrets.ts';

/** A one-shot command may wait this long for the board, at most, before it exits. */
export const SEND_TIMEOUT_MS = 200;
/** Joining happens once, by hand, often while the whole room joins: worth waiting longer for. */
export const JOIN_TIMEOUT_MS = 10_000;

export type ShareOutcome = { readonly kind: 'not-joined' } | { readonly kind: 'sent' } | { readonly kind: 'failed'; readonly line: string };

/** The board's address from what the learner typed: http, a host and a port, nothing else. */
export function boardOrigin(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new BadInput(`"${text.slice(0, 80)}" is not a URL (valid: the address the board printed, like http://192.168.1.20:4100)`, 'class join');
  }
  if (url.protocol !== 'http:' || url.username !== '' || url.password !== '' || (url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    throw new BadInput(`"${text.slice(0, 80)}" is not a board address (valid: http://host:port, as the board printed it)`, 'class join');
  }
  return url.origin;
}

export async function joinClass(root: string, boardUrl: string, codeText: string, nameText: string, now: Date, timeoutMs: number = JOIN_TIMEOUT_MS): Promise<Membership> {
  const board = boardOrigin(boardUrl);
  const code = normaliseJoinCode(codeText);
  if (code === null) throw new BadInput(`"${codeText.slice(0, 20)}" is not a join code (valid: four letters and four digits, like ABCD-1234)`, 'class join');
  let name: string;
  try {
    name = parseName(nameText);
  } catch (error) {
    throw new BadInput(`--name ${error instanceof Error ? error.message.replace(/^name /, '') : ''} (valid: 1 to ${LIMITS.name} printable characters)`, 'class join');
  }
  const answer = await postJson(board, '/api/join', { 'x-join-code': code }, { name }, timeoutMs);
  if (!answer.ok) throw new Blocked(`the board at ${board} did not answer (${answer.reason}); check the address with your instructor`, undefined, 'class join');
  if (answer.status !== 201) throw new Blocked(`the board refused: ${firstLine(answer.body)}`, undefined, 'class join');
  const token = (JSON.parse(answer.body) as { token?: unknown }).token;
  if (typeof token !== 'string') throw new Blocked('the board answered without a token', undefined, 'class join');
  const membership: Membership = { version: 1, board, code, token, name, joinedAt: now.toISOString() };
  saveMembership(root, membership);
  return membership;
}

/** Tells the board (if it answers quickly) and forgets the membership either way. */
export async function leaveClass(root: string): Promise<{ wasJoined: boolean; boardTold: boolean }> {
  const read = readMembership(root);
  if (read.kind !== 'joined') {
    forget(root);
    return { wasJoined: read.kind === 'damaged', boardTold: false };
  }
  const { board, code, token } = read.membership;
  const answer = await postJson(board, '/api/leave', { 'x-join-code': code, authorization: `Bearer ${token}` }, {}, 2_000);
  forget(root);
  return { wasJoined: true, boardTold: answer.ok && answer.status === 204 };
}

/**
 * Sends a learner's verdicts to the board they joined, if they joined one. The payload is
 * checked against the board's own schema first, a copy is kept for `class status`, and the
 * send gives up after `timeoutMs`. Never throws: the learner's command goes on regardless.
 */
export async function shareProgress(root: string, lessons: readonly LessonProgress[], timeoutMs: number = SEND_TIMEOUT_MS, now: Date = new Date()): Promise<ShareOutcome> {
  const read = readMembership(root);
  if (read.kind === 'none') return { kind: 'not-joined' };
  if (read.kind === 'damaged') return { kind: 'failed', line: `class board: ${read.reason}` };
  const { board, code, token } = read.membership;
  let body;
  try {
    body = parseProgress({ v: 1, lessons: lessons.slice(0, LIMITS.lessons).map(fit) });
  } catch (error) {
    return { kind: 'failed', line: `class board: progress not shared (${error instanceof SchemaError ? error.message : String(error)})` };
  }
  const answer = await postJson(board, '/api/progress', { 'x-join-code': code, authorization: `Bearer ${token}` }, body, timeoutMs);
  const outcome = answer.ok ? (answer.status === 204 ? 'sent' : `refused: ${firstLine(answer.body)}`) : `not sent: ${answer.reason}`;
  try {
    saveLastSent(root, { at: now.toISOString(), to: board, body, outcome });
  } catch {
    // A read-only checkout only loses `class status`'s copy.
  }
  if (outcome === 'sent') return { kind: 'sent' };
  return { kind: 'failed', line: `class board at ${board}: progress ${outcome.startsWith('refused') ? outcome : `not shared (${answer.ok ? answer.status : answer.reason})`}; your work is unaffected` };
}

/** Long step names are cut, not refused: the board needs to recognise the step, not read all of it. */
function fit(lesson: LessonProgress): LessonProgress {
  const cut = (text: string, max: number): string => ([...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text);
  return {
    ...lesson,
    ...(lesson.title === undefined ? {} : { title: cut(lesson.title, LIMITS.title) }),
    ...(lesson.steps === undefined ? {} : { steps: lesson.steps.slice(0, LIMITS.steps).map((s) => ({ name: cut(s.name, LIMITS.stepName), state: s.state })) }),
  };
}

const firstLine = (text: string): string => (text.split('\n')[0] ?? '').slice(0, 200);
