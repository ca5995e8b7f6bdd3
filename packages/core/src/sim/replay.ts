import { ConfigError } from '../config-error.ts';
import type { SchedulerSpec } from './schedulers.ts';

/**
 * A schedule as text that can be pasted back to replay a run exactly:
 *   `october2025@timed#20251351`            a time-ordered run: the seed decides everything
 *   `smallScope@replay#1:P.a1.a1.a2.a2.a1`  the actors in the order they stepped
 */
export interface ReplaySpec {
  readonly scenario: string;
  readonly seed: number;
  readonly scheduler: SchedulerSpec;
}

const FORMAT = /^([A-Za-z][\w-]*)@(timed|replay)#(\d+)(?::([\w.]*))?$/;

export function formatReplay(scenario: string, seed: number, choices: readonly string[] | null): string {
  return choices === null ? `${scenario}@timed#${seed}` : `${scenario}@replay#${seed}:${choices.join('.')}`;
}

export function parseReplay(text: string): ReplaySpec {
  const m = FORMAT.exec(text.trim());
  if (m === null) {
    throw new ConfigError('replay', `${JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text)} is not a replay string`, '<scenario>@timed#<seed> or <scenario>@replay#<seed>:<actor>.<actor>…');
  }
  const [, scenario, kind, seed, choices] = m;
  if (kind === 'timed') return { scenario: scenario as string, seed: Number(seed), scheduler: { kind: 'timed' } };
  return { scenario: scenario as string, seed: Number(seed), scheduler: { kind: 'replay', choices: (choices ?? '').split('.').filter((c) => c !== '') } };
}
