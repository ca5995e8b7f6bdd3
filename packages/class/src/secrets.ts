import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * The board's two secrets. The join code is short enough to read off a projector
 * (four letters without look-alikes, four digits: about 2·10^9 codes); each learner's
 * token is long and random, and the board keeps only its SHA-256.
 */
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

export const JOIN_CODE = /^[A-HJ-NP-Z]{4}-\d{4}$/;

export function newJoinCode(): string {
  const letters = Array.from({ length: 4 }, () => LETTERS[randomInt(LETTERS.length)]).join('');
  const digits = String(randomInt(10_000)).padStart(4, '0');
  return `${letters}-${digits}`;
}

/** What a learner types, made canonical: `abcd1234` and `ABCD-1234` are the same code. */
export function normaliseJoinCode(text: string): string | null {
  const compact = text.trim().toUpperCase().replace(/[\s-]/g, '');
  const code = `${compact.slice(0, 4)}-${compact.slice(4)}`;
  return JOIN_CODE.test(code) ? code : null;
}

export function sameCode(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const newToken = (): string => randomBytes(24).toString('base64url');

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A learner's id on the board: random, so it says nothing about the learner. */
export const newLearnerId = (): string => randomBytes(6).toString('hex');
