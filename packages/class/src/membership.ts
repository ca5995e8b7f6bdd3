import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * What a learner who joined keeps in `.outage-lab/` (git ignores it): the board's address,
 * the join code and their own token, and a copy of the last thing sent, byte for byte,
 * which `class status` shows.
 */
export const MEMBERSHIP_PATH = '.outage-lab/class.json';
export const LAST_SENT_PATH = '.outage-lab/class-last-sent.json';

export interface Membership {
  readonly version: 1;
  readonly board: string;
  readonly code: string;
  readonly token: string;
  readonly name: string;
  readonly joinedAt: string;
}

export interface LastSent {
  readonly at: string;
  readonly to: string;
  readonly body: unknown;
  readonly outcome: string;
}

export type MembershipRead = { readonly kind: 'none' } | { readonly kind: 'damaged'; readonly reason: string } | { readonly kind: 'joined'; readonly membership: Membership };

export function readMembership(root: string): MembershipRead {
  let text: string;
  try {
    text = readFileSync(join(root, MEMBERSHIP_PATH), 'utf8');
  } catch {
    return { kind: 'none' };
  }
  try {
    const raw = JSON.parse(text) as Partial<Record<keyof Membership, unknown>>;
    const strings = ['board', 'code', 'token', 'name', 'joinedAt'] as const;
    if (raw.version !== 1 || strings.some((k) => typeof raw[k] !== 'string')) throw new Error('not a version 1 membership');
    return { kind: 'joined', membership: raw as Membership };
  } catch (error) {
    return { kind: 'damaged', reason: `${MEMBERSHIP_PATH} is damaged (${error instanceof Error ? error.message : String(error)}); join again` };
  }
}

function writeAtomically(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, path);
}

export const saveMembership = (root: string, membership: Membership): void => writeAtomically(join(root, MEMBERSHIP_PATH), membership);

export const saveLastSent = (root: string, sent: LastSent): void => writeAtomically(join(root, LAST_SENT_PATH), sent);

export function readLastSent(root: string): LastSent | null {
  try {
    return JSON.parse(readFileSync(join(root, LAST_SENT_PATH), 'utf8')) as LastSent;
  } catch {
    return null;
  }
}

export function forget(root: string): void {
  rmSync(join(root, MEMBERSHIP_PATH), { force: true });
  rmSync(join(root, LAST_SENT_PATH), { force: true });
}
