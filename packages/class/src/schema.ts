/**
 * The one schema every write to the board is checked against. It is strict: a field it
 * does not name is refused, so nothing but progress (no code, paths or environment) can
 * ride along, and every string and list has a size limit.
 */

export const LIMITS = {
  /** A whole request body, in bytes. */
  bodyBytes: 32 * 1024,
  name: 40,
  lessons: 32,
  lessonId: 32,
  title: 80,
  steps: 64,
  stepName: 160,
  hints: 999,
} as const;

export const STEP_STATES = ['passed', 'failed', 'skipped', 'pending'] as const;
export type StepState = (typeof STEP_STATES)[number];

export interface Step {
  readonly name: string;
  readonly state: StepState;
}

/** One lesson as the learner's last verdict saw it. Without `steps`, only the hint count changed. */
export interface LessonProgress {
  readonly id: string;
  readonly title?: string;
  readonly steps?: readonly Step[];
  /** The learner's code did not load, so no step ran. */
  readonly loadError?: boolean;
  readonly hints: number;
  /** When the verdict was reached, on the learner's clock (ISO 8601). */
  readonly at: string;
}

export interface ProgressPayload {
  readonly v: 1;
  readonly lessons: readonly LessonProgress[];
}

export interface JoinPayload {
  readonly name: string;
}

/** Names the field that is wrong and what is valid; the board answers it as its one 400 line. */
export class SchemaError extends Error {
  override name = 'SchemaError';
}

type Json = Record<string, unknown>;

function object(value: unknown, where: string, keys: readonly string[]): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new SchemaError(`${where} must be an object`);
  const extra = Object.keys(value).find((k) => !keys.includes(k));
  if (extra !== undefined) throw new SchemaError(`${where} has an unknown field "${extra.slice(0, 40)}" (valid: ${keys.join(', ')})`);
  return value as Json;
}

// Control characters and bidi overrides could rewrite a terminal line or a CSV row.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

function text(value: unknown, where: string, max: number): string {
  if (typeof value !== 'string') throw new SchemaError(`${where} must be a string`);
  if (value.trim() === '') throw new SchemaError(`${where} is empty`);
  if ([...value].length > max) throw new SchemaError(`${where} is longer than ${max} characters`);
  if (UNPRINTABLE.test(value)) throw new SchemaError(`${where} contains control characters`);
  return value;
}

function count(value: unknown, where: string, max: number): number {
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > max) throw new SchemaError(`${where} must be a whole number from 0 to ${max}`);
  return value as number;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

function timestamp(value: unknown, where: string): string {
  if (typeof value !== 'string' || !ISO.test(value) || Number.isNaN(Date.parse(value))) throw new SchemaError(`${where} must be an ISO time like 2025-10-20T06:48:00.000Z`);
  return value;
}

function list<T>(value: unknown, where: string, max: number, item: (v: unknown, where: string) => T): T[] {
  if (!Array.isArray(value)) throw new SchemaError(`${where} must be a list`);
  if (value.length > max) throw new SchemaError(`${where} has more than ${max} entries`);
  return value.map((v, i) => item(v, `${where}[${i}]`));
}

const LESSON_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function step(value: unknown, where: string): Step {
  const raw = object(value, where, ['name', 'state']);
  const state = raw['state'];
  if (!STEP_STATES.includes(state as StepState)) throw new SchemaError(`${where}.state must be one of ${STEP_STATES.join(', ')}`);
  return { name: text(raw['name'], `${where}.name`, LIMITS.stepName), state: state as StepState };
}

function lesson(value: unknown, where: string): LessonProgress {
  const raw = object(value, where, ['id', 'title', 'steps', 'loadError', 'hints', 'at']);
  const id = text(raw['id'], `${where}.id`, LIMITS.lessonId);
  if (!LESSON_ID.test(id)) throw new SchemaError(`${where}.id must be letters, digits, ".", "_" or "-"`);
  const parsed: { -readonly [K in keyof LessonProgress]: LessonProgress[K] } = { id, hints: count(raw['hints'], `${where}.hints`, LIMITS.hints), at: timestamp(raw['at'], `${where}.at`) };
  if (raw['title'] !== undefined) parsed.title = text(raw['title'], `${where}.title`, LIMITS.title);
  if (raw['steps'] !== undefined) parsed.steps = list(raw['steps'], `${where}.steps`, LIMITS.steps, step);
  if (raw['loadError'] !== undefined) {
    if (typeof raw['loadError'] !== 'boolean') throw new SchemaError(`${where}.loadError must be true or false`);
    parsed.loadError = raw['loadError'];
  }
  return parsed;
}

export function parseProgress(value: unknown): ProgressPayload {
  const raw = object(value, 'payload', ['v', 'lessons']);
  if (raw['v'] !== 1) throw new SchemaError('payload.v must be 1');
  const lessons = list(raw['lessons'], 'payload.lessons', LIMITS.lessons, lesson);
  if (lessons.length === 0) throw new SchemaError('payload.lessons is empty');
  return { v: 1, lessons };
}

export function parseJoin(value: unknown): JoinPayload {
  const raw = object(value, 'payload', ['name']);
  return { name: parseName(raw['name']) };
}

/** A learner's display name: the same rule on the learner's side (before sending) and the board's. */
export function parseName(value: unknown): string {
  return text(typeof value === 'string' ? value.trim() : value, 'name', LIMITS.name);
}

/** Parses a request body that has already been size-checked. */
export function parseJsonBody(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new SchemaError('the body is not JSON');
  }
}
