import type { StateCodec, StepMemo } from '../sim/model.ts';
import { StateVector } from '../sim/state-store.ts';
import { RowTable } from '../sim/row-table.ts';
import type { InternedParts } from './interned-parts.ts';
import { operatorCode, type DnsWorld, type EnactorState } from './world.ts';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * What a row keeps beside its key (its value is the successor, a world of interned parts),
 * so that writing a remembered successor reads one row:
 * the stepping Enactor's new state (-1 for the other actors), the plan store's and the
 * zone's numbers, the Planner's count, the operators' code, and what the transition
 * invariants said of the step (-1: not judged yet).
 */
const PART = 0;
const PLANS = 1;
const ZONE = 2;
const PUBLISHED = 3;
const OPERATOR = 4;
const VERDICT = 5;
const PAYLOAD = 6;

/** What the memo needs of its codec: the vector of a world made of interned parts, from their numbers. */
export interface PartsCodec extends Pick<StateCodec<DnsWorld>, 'encode' | 'decode'> {
  encodeParts(published: number, operator: number, numbers: Int32Array, out: StateVector, symmetric: boolean): number;
}

/** Beyond this many remembered steps the memo starts again (see InternedParts' limit). */
const LIMIT = 1 << 19;
const KEY = 6;

/**
 * Steps of the DNS model remembered by what they read (see `StepMemo`). An actor's step
 * reads the zone, the plan store, the Planner's count and the operators' progress, and an
 * Enactor's also reads its own state; it writes those and nothing else. That is the
 * contract of `EnactorProgram.step`, and the memo checks it rather than trusts it: a step
 * it has not seen runs with the other Enactors' states watched, and one that touches them
 * turns the memo off for the rest of the search, which then runs every step.
 *
 * A world decoded by the codec is made of interned parts, so the key is six numbers: the
 * actor, its Enactor state's number (-1 for the Planner and the operators), the zone's and
 * the plan store's numbers, the Planner's count and the operators' code.
 */
export function dnsStepMemo(parts: InternedParts, codec: PartsCodec, actorSlots: readonly (number | null)[]): StepMemo<DnsWorld> {
  const table = new RowTable<DnsWorld>(KEY, PAYLOAD);
  const key = new Int32Array(KEY);
  const scratch = new StateVector();
  let epoch = parts.epoch;
  let off = false;
  let foreign = false;
  let watched: EnactorState[] = [];
  let written = -1;
  const next = new Int32Array(parts.numbers.length);
  const payload = new Int32Array(PAYLOAD);

  /**
   * Fills `key` for this step and returns the numbers of the world's parts; null when
   * they have none (the search always asks about the world it decoded last, whose parts
   * have them unless the tables started again while it was decoded).
   */
  const keyOf = (world: DnsWorld, actor: number): Int32Array | null => {
    const numbers = parts.numbersOf(world);
    if (numbers === null) return null;
    const slot = actorSlots[actor] ?? null;
    key[0] = actor;
    key[1] = slot === null ? -1 : (numbers[slot] as number);
    key[2] = numbers[numbers.length - 1] as number;
    key[3] = numbers[numbers.length - 2] as number;
    key[4] = world.planner.published;
    key[5] = operatorCode(world);
    return numbers;
  };

  /** Writes into `into` the numbers of the parts of `world`'s successor by `actor` (`known` are `world`'s), from `row`. */
  const successorNumbers = (into: Int32Array, known: Int32Array, actor: number, row: number): void => {
    const slot = actorSlots[actor] ?? null;
    const last = into.length - 1;
    for (let i = 0; i < last - 1; i++) into[i] = known[i] as number;
    if (slot !== null) into[slot] = table.payload(row, PART);
    into[last - 1] = table.payload(row, PLANS);
    into[last] = table.payload(row, ZONE);
  };

  /**
   * `world` after the remembered step: its Enactors, but for the one that stepped. It is
   * written into one world object, rewritten for every step: the search encodes and
   * observes a successor before it asks for the next, and keeps neither, so a step
   * remembered allocates nothing. The parts are interned, so their numbers are known too
   * (the encoder reads their codes by number).
   */
  let built: Writable<DnsWorld> | null = null;
  const replay = (world: DnsWorld, known: Int32Array, actor: number, row: number): DnsWorld => {
    const slot = actorSlots[actor] ?? null;
    const next = table.value(row);
    if (built === null) built = { ...next, enactors: [...world.enactors] };
    built.config = next.config;
    built.seed = next.seed;
    built.route53 = next.route53;
    built.plans = next.plans;
    built.planner = next.planner;
    built.operator = next.operator;
    const enactors = built.enactors;
    for (let i = 0; i < enactors.length; i++) enactors[i] = world.enactors[i] as EnactorState;
    if (slot !== null) enactors[slot] = next.enactors[slot] as EnactorState;
    successorNumbers(parts.builtNumbers, known, actor, row);
    parts.built(built);
    return built;
  };

  /** The row of the remembered step of `actor` out of `world`, or -1. */
  const find = (world: DnsWorld, actor: number): number => {
    if (off) return -1;
    if (epoch !== parts.epoch) {
      table.clear();
      epoch = parts.epoch;
    }
    return keyOf(world, actor) === null ? -1 : table.find(key);
  };

  return {
    unkeyed: ['enactors'],
    get verdict() {
      return written < 0 ? -1 : table.payload(written, VERDICT);
    },
    keepVerdict(verdict) {
      if (written >= 0) table.setPayload(written, VERDICT, verdict);
    },

    successor(world, actor) {
      const row = find(world, actor);
      const known = parts.numbersOf(world);
      return row < 0 || known === null ? undefined : replay(world, known, actor, row);
    },

    write(world, actor, out, symmetric) {
      written = -1;
      const row = find(world, actor);
      if (row < 0) return -1;
      const known = parts.numbersOf(world);
      if (known === null) return -1;
      successorNumbers(next, known, actor, row);
      written = row;
      return codec.encodeParts(table.payload(row, PUBLISHED), table.payload(row, OPERATOR), next, out, symmetric);
    },

    watch(copy, actor) {
      if (off) return copy;
      const slot = actorSlots[actor] ?? null;
      const own = slot === null ? null : String(slot);
      watched = copy.enactors;
      foreign = false;
      const touch = (property: string | symbol): void => {
        if (typeof property === 'string' && property !== own && /^\d+$/.test(property)) foreign = true;
      };
      const enactors = new Proxy(watched, {
        get(target, property, receiver) {
          touch(property);
          return Reflect.get(target, property, receiver) as unknown;
        },
        set(target, property, value, receiver) {
          touch(property);
          return Reflect.set(target, property, value, receiver);
        },
      });
      return { ...copy, enactors };
    },

    remember(world, stepped, actor) {
      if (off) return stepped;
      const after = { ...stepped, enactors: watched };
      if (foreign) {
        off = true;
        return after;
      }
      const known = keyOf(world, actor);
      if (known === null) return after;
      if (table.size >= LIMIT) table.clear();
      scratch.clear();
      codec.encode(after, scratch, false);
      const { result, numbers } = parts.aside(() => codec.decode(scratch.view()));
      if (numbers.length === 0) return after;
      const slot = actorSlots[actor] ?? null;
      const last = numbers.length - 1;
      payload[PART] = slot === null ? -1 : (numbers[slot] as number);
      payload[PLANS] = numbers[last - 1] as number;
      payload[ZONE] = numbers[last] as number;
      payload[PUBLISHED] = result.planner.published;
      payload[OPERATOR] = operatorCode(result);
      payload[VERDICT] = -1;
      written = table.add(key, payload, result);
      return replay(world, known, actor, written);
    },
  };
}
