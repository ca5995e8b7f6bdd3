import { TupleTable } from '../sim/tuple-table.ts';
import type { PlanStore } from './plan-store.ts';
import type { Route53 } from './route53.ts';
import type { EnactorState } from './world.ts';

/**
 * Beyond this many interned parts the tables start again: a search at the night's real
 * size meets a few thousand zones and tens of thousands of Enactor states, so this is a
 * guard against a learner's Enactor whose states never repeat, not a working limit.
 */
const LIMIT = 1 << 18;

/**
 * The parts of decoded DNS worlds, interned by their codes in the state vector: one
 * shared Enactor state per slot and block, one plan store per list of generations, one
 * zone per list of record ids. None of them is ever written: a step works on a copy
 * (`cloneWorld`, `ownState`, and Route 53's and the plan store's copy-on-write), so every
 * world decoded from any vector can share them, and a part's number can stand for it in
 * the key of a remembered step (step-memo.ts).
 */
export class InternedParts {
  readonly #enactors: TupleTable<EnactorState>[];
  readonly #enactorCodes = new Map<EnactorState, Int32Array>();
  readonly #plans = new TupleTable<PlanStore>();
  readonly #zones = new TupleTable<Route53>();
  readonly #zoneBySerial = new Map<number, Int32Array>();
  /** Counts restarts: numbers from an earlier epoch mean nothing now. */
  #epoch = 0;
  /** The number of the part last returned by `enactor`, `plans` or `zone`: the decoder keeps it with the world. */
  last = -1;

  constructor(slots: number) {
    this.numbers = new Int32Array(slots + 2);
    this.builtNumbers = new Int32Array(slots + 2);
    this.#enactors = Array.from({ length: slots }, () => new TupleTable<EnactorState>());
  }

  get epoch(): number {
    return this.#epoch;
  }

  /**
   * The Enactor state of `slot` whose block is `vector[at..at+width)`, built by `build` the
   * first time. The builders take what they read as arguments: the codec passes the same
   * function for every state it decodes, not a closure made per call.
   */
  enactor(slot: number, vector: Int32Array, at: number, width: number, build: (slot: number, vector: Int32Array, at: number) => EnactorState): EnactorState {
    const table = this.#enactors[slot] as TupleTable<EnactorState>;
    const known = table.find(vector, at, width);
    this.last = known;
    if (known >= 0) return table.value(known);
    this.#guard(table.size);
    const state = build(slot, vector, at);
    const n = table.add(vector, at, width, state);
    this.#enactorCodes.set(state, table.tuple(n).slice());
    this.last = n;
    return state;
  }

  /** An interned Enactor state's block, or undefined for any other state. */
  codesOf(state: EnactorState): Int32Array | undefined {
    return this.#enactorCodes.get(state);
  }

  /** The plan store whose header is `vector[start..end)` (newest generation, count, generations). */
  plans(vector: Int32Array, start: number, end: number, build: (vector: Int32Array, start: number) => PlanStore): PlanStore {
    const known = this.#plans.find(vector, start, end - start);
    this.last = known;
    if (known >= 0) return this.#plans.value(known);
    this.#guard(this.#plans.size);
    const store = build(vector, start);
    this.last = this.#plans.add(vector, start, end - start, store);
    return store;
  }

  /** The zone holding the records `vector[start..start+count)` (sorted ids). */
  zone(vector: Int32Array, start: number, count: number, build: (vector: Int32Array, start: number, count: number) => Route53): Route53 {
    const known = this.#zones.find(vector, start, count);
    this.last = known;
    if (known >= 0) return this.#zones.value(known);
    this.#guard(this.#zones.size);
    const zone = build(vector, start, count);
    const n = this.#zones.add(vector, start, count, zone);
    this.#zoneBySerial.set(zone.serial, this.#zones.tuple(n).slice());
    this.last = n;
    return zone;
  }

  /** The sorted record ids of the interned zone with this serial, or undefined. */
  zoneIds(serial: number): Int32Array | undefined {
    return this.#zoneBySerial.get(serial);
  }

  /**
   * The world decoded last and its parts' numbers (each Enactor's, then the plan store's
   * and the zone's), if the tables did not start again while it was decoded; and the
   * same for the successor the step memo built last.
   */
  #decoded: object | null = null;
  readonly numbers: Int32Array;
  #built: object | null = null;
  readonly builtNumbers: Int32Array;

  /** Marks `world` as the one whose parts' numbers are in `numbers`, decoded since `epoch`. */
  decoded(world: object, epoch: number): void {
    this.#decoded = epoch === this.#epoch ? world : null;
  }

  /** Marks `world` as the one whose parts' numbers are in `builtNumbers`. */
  built(world: object): void {
    this.#built = world;
  }

  /** The numbers of `world`'s parts, if it is the world decoded or built last. */
  numbersOf(world: object): Int32Array | null {
    return world === this.#decoded ? this.numbers : world === this.#built ? this.builtNumbers : null;
  }

  /**
   * Runs `decode` on another vector without losing the world decoded last (the step memo
   * decodes a successor in the middle of expanding its parent); returns its numbers too.
   */
  aside<R>(decode: () => R): { readonly result: R; readonly numbers: Int32Array } {
    const world = this.#decoded;
    const epoch = this.#epoch;
    const saved = this.numbers.slice();
    const result = decode();
    const numbers = this.#decoded === null ? new Int32Array(0) : this.numbers.slice();
    this.numbers.set(saved);
    this.#decoded = epoch === this.#epoch ? world : null;
    return { result, numbers };
  }

  /** Writes the block of Enactor state `n` of `slot` into `into` from `at`. */
  copyEnactor(slot: number, n: number, into: number[], at: number): void {
    (this.#enactors[slot] as TupleTable<EnactorState>).copy(n, into, at);
  }

  /** Pushes the header of plan store `n` (newest generation, count, generations) onto `out`. */
  pushPlans(n: number, out: { push(value: number): void }): void {
    this.#plans.push(n, out);
  }

  /** Writes the sorted record ids of zone `n` into `into` (which it empties first). */
  copyZone(n: number, into: number[]): void {
    into.length = this.#zones.length(n);
    this.#zones.copy(n, into, 0);
  }

  #guard(size: number): void {
    if (size < LIMIT) return;
    for (const table of this.#enactors) table.clear();
    this.#enactorCodes.clear();
    this.#plans.clear();
    this.#zones.clear();
    this.#zoneBySerial.clear();
    this.#decoded = null;
    this.#built = null;
    this.#epoch++;
  }
}
