import type { StateCodec } from '../sim/model.ts';
import type { StateVector } from '../sim/state-store.ts';
import type { DnsConfig } from './config.ts';
import { PlanStore, type Plan } from './plan-store.ts';
import { buildPlan } from './planner.ts';
import type { ResourceRecord } from './records.ts';
import { Route53 } from './route53.ts';
import { Dictionary } from './dictionary.ts';
import { InternedParts } from './interned-parts.ts';
import { dnsStepMemo } from './step-memo.ts';
import { INTERNED, enactorSymmetry, type Renamer } from './symmetry.ts';
import { operatorCode, sharedEnactorState, type DnsWorld, type EnactorState } from './world.ts';

/** Fields of the world the codec knows; a model change that adds one must teach the codec (see `createDnsCodec`). */
const WORLD_KEYS = ['config', 'seed', 'route53', 'plans', 'planner', 'enactors', 'operator'];
/** The slot's identity: it stays with the slot when Enactors are permuted. */
const IDENTITY_KEYS = new Set(['az', 'id']);
/**
 * Left out of the state, as the string fingerprint always did: the back-off exponent and
 * the freshness check's time only change delays and timeline text, and the exhaustive
 * configurations take no time.
 */
const TIME_KEYS = new Set(['attempts', 'checkedAt', 'checkedAgainst']);

// One int32 per value: the low two bits say what the rest is.
const INT = 0;
const SPECIAL = 2;
const PLAN = 3;
const SPECIALS: readonly unknown[] = [null, undefined, false, true];
const SMALL = 1 << 28;

/**
 * The DNS world as a state vector:
 *   [planner.published, operator (next ×4 + repaired ×2 + automationOff), newest generation, #plans, …generations,
 *    one block per Enactor (its fields in a fixed order), #records, …record ids (sorted)]
 * Strings and records are ids (hashes of their content, see dictionary.ts), so a record
 * costs one int; plans are their
 * generation, since a plan's content depends only on the seed and its generation.
 * With symmetry on, the vector is the least one over the permutations of
 * interchangeable Enactors (see symmetry.ts). A decoded world is made of interned parts
 * (interned-parts.ts), shared with every other world decoded from the same codes: read
 * it, and step in a copy (`cloneWorld`), as the search does. With `actorSlots` (which
 * Enactor state each actor may change, null for none) the codec also remembers steps by
 * what they read (step-memo.ts).
 */
export function createDnsCodec(config: DnsConfig, template: DnsWorld, actorSlots?: readonly (number | null)[]): StateCodec<DnsWorld> {
  const unknown = Object.keys(template).filter((k) => !WORLD_KEYS.includes(k));
  if (unknown.length > 0) throw new Error(`DNS codec: the world has fields it does not encode (${unknown.join(', ')}); teach dns/codec.ts about them`);
  const first = template.enactors[0] as EnactorState;
  const keys = Object.keys(first);
  const fields = keys.filter((k) => !IDENTITY_KEYS.has(k) && !TIME_KEYS.has(k));
  const fieldSet = new Set(fields);
  const slots = template.enactors.length;
  const width = fields.length;

  const dictionary = new Dictionary();
  const plans = new Map<number, Plan>();
  const addRecord = (r: ResourceRecord): void => {
    symmetry.records.push(dictionary.record(r));
  };
  const encodeValue = (value: unknown, field: string): number => {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < SMALL) return value * 4 + INT;
    if (typeof value === 'string' || typeof value === 'number') return dictionary.value(value) * 4 + INTERNED;
    const special = SPECIALS.indexOf(value);
    if (special >= 0) return special * 4 + SPECIAL;
    if (isPlan(value)) {
      plans.set(value.generation, value);
      return value.generation * 4 + PLAN;
    }
    throw new Error(`DNS codec: Enactor field ${field} holds a value it cannot encode (${typeof value}); keep Enactor state to numbers, strings, null and plans`);
  };
  const plan = (generation: number): Plan => {
    let known = plans.get(generation);
    if (known === undefined) {
      known = buildPlan(config, template.seed, generation, generation === config.firstGeneration ? config.startMs : 0);
      plans.set(generation, known);
    }
    return known;
  };
  const decodeValue = (code: number): unknown => {
    const payload = code >>> 2;
    switch (code & 3) {
      case INT:
        return payload;
      case INTERNED:
        return dictionary.valueOf(payload);
      case SPECIAL:
        return SPECIALS[payload];
      default:
        return plan(payload);
    }
  };
  const renamer: Renamer = {
    value(code, rename) {
      const text = (code & 3) === INTERNED ? dictionary.valueOf(code >>> 2) : undefined;
      return typeof text === 'string' ? dictionary.value(rename(text)) * 4 + INTERNED : code;
    },
    record(id, rename) {
      const r = recordOf(id);
      const name = rename(r.name);
      const value = rename(r.value);
      return name === r.name && value === r.value ? id : dictionary.record({ ...r, name, value });
    },
  };
  const parts = new InternedParts(slots);
  const symmetry = enactorSymmetry(config, template.enactors, width, renamer, parts);

  const headerOf = (world: DnsWorld, out: StateVector): void => {
    out.push(world.planner.published);
    out.push(operatorCode(world));
    out.push(world.plans.newestGeneration);
    const generations = world.plans.sortedGenerations();
    out.push(generations.length);
    for (const g of generations) {
      if (!plans.has(g)) {
        const p = world.plans.get(g);
        if (p !== undefined) plans.set(g, p);
      }
      out.push(g);
    }
  };

  const recordOf = (id: number): ResourceRecord => {
    const r = dictionary.recordOf(id);
    if (r === undefined) throw new Error(`DNS codec: record ${id} is not in this thread's dictionary`);
    return r;
  };

  let partsEpoch = parts.epoch;
  const sameEpoch = (): void => {
    if (partsEpoch === parts.epoch) return;
    symmetry.forgetParts();
    partsEpoch = parts.epoch;
  };
  const removeId = (id: number): void => {
    const records = symmetry.records;
    const at = records.indexOf(id);
    if (at < 0) throw new Error(`DNS codec: a step removed record ${id}, which the zone did not hold`);
    records[at] = records[records.length - 1] as number;
    records.pop();
  };
  /**
   * A decoded zone's ids are known; a copy of one (a step's) is its original's ids and the
   * few records its step changed; any other zone is read whole.
   */
  const recordsOf = (zone: Route53): void => {
    const records = symmetry.records;
    records.length = 0;
    const own = parts.zoneIds(zone.serial);
    if (own !== undefined) {
      for (let i = 0; i < own.length; i++) records.push(own[i] as number);
      return;
    }
    const original = parts.zoneIds(zone.copiedFrom);
    if (original === undefined) {
      zone.forEachRecord(addRecord);
      return;
    }
    for (let i = 0; i < original.length; i++) records.push(original[i] as number);
    zone.forEachChange((before, after) => {
      if (before !== undefined) removeId(dictionary.record(before));
      if (after !== undefined) records.push(dictionary.record(after));
    });
  };

  // What decoding builds the first time it meets a part (interned-parts.ts), and the
  // Planner's and operators' few states, shared (and frozen) by every decoded world: a
  // step works on a copy (`cloneWorld`).
  const buildPlans = (vector: Int32Array, header: number): PlanStore => {
    const count = vector[header + 1] as number;
    const byGeneration = new Map<number, Plan>();
    for (let i = header + 2; i < header + 2 + count; i++) byGeneration.set(vector[i] as number, plan(vector[i] as number));
    return new PlanStore(byGeneration, vector[header] as number);
  };
  const buildEnactor = (slot: number, vector: Int32Array, block: number): EnactorState => {
    const from = template.enactors[slot] as unknown as Record<string, unknown>;
    const e = sharedEnactorState();
    let f = block;
    for (const key of keys) e[key] = fieldSet.has(key) ? decodeValue(vector[f++] as number) : from[key];
    return e as unknown as EnactorState;
  };
  const buildZone = (vector: Int32Array, start: number, n: number): Route53 => {
    const records: ResourceRecord[] = [];
    for (let i = start; i < start + n; i++) records.push(recordOf(vector[i] as number));
    return Route53.fromRecords(records);
  };
  const planners = new Map<number, DnsWorld['planner']>();
  const plannerOf = (published: number): DnsWorld['planner'] => {
    let known = planners.get(published);
    if (known === undefined) {
      known = Object.freeze({ published, limit: template.planner.limit });
      planners.set(published, known);
    }
    return known;
  };
  const operators = new Map<number, DnsWorld['operator']>();
  const operatorOf = (code: number): DnsWorld['operator'] => {
    let known = operators.get(code);
    if (known === undefined) {
      known = Object.freeze({ next: code >>> 2, repaired: (code & 2) !== 0, automationOff: (code & 1) !== 0 });
      operators.set(code, known);
    }
    return known;
  };

  /** The vector of a world made of interned parts, from their numbers alone (`numbers` as `InternedParts.numbers`). */
  const encodeParts = (published: number, operator: number, numbers: Int32Array, out: StateVector, symmetric: boolean): number => {
    sameEpoch();
    out.clear();
    out.push(published);
    out.push(operator);
    parts.pushPlans(numbers[slots] as number, out);
    return symmetry.writeParts(out, symmetric, numbers, numbers[slots + 1] as number);
  };
  const codec: StateCodec<DnsWorld> = {
    permutations: symmetry.permutations,
    dictionary,
    encode(world, out, symmetric) {
      out.clear();
      const blocks = symmetry.blocks;
      sameEpoch();
      const numbers = parts.numbersOf(world);
      if (numbers !== null) return encodeParts(world.planner.published, operatorCode(world), numbers, out, symmetric);
      headerOf(world, out);
      for (let s = 0; s < slots; s++) {
        const enactor = world.enactors[s] as EnactorState;
        const codes = parts.codesOf(enactor);
        if (codes !== undefined) {
          for (let f = 0; f < width; f++) blocks[s * width + f] = codes[f] as number;
          continue;
        }
        const e = enactor as unknown as Record<string, unknown>;
        for (let f = 0; f < width; f++) blocks[s * width + f] = encodeValue(e[fields[f] as string], fields[f] as string);
      }
      recordsOf(world.route53);
      return symmetry.write(out, symmetric);
    },
    decode(vector) {
      const epoch = parts.epoch;
      const numbers = parts.numbers;
      let at = 0;
      const published = vector[at++] as number;
      const operator = vector[at++] as number;
      const header = at;
      at += 2 + (vector[at + 1] as number);
      const stored = parts.plans(vector, header, at, buildPlans);
      numbers[slots] = parts.last;
      const enactors: EnactorState[] = [];
      for (let s = 0; s < slots; s++) {
        enactors.push(parts.enactor(s, vector, at, width, buildEnactor));
        numbers[s] = parts.last;
        at += width;
      }
      const n = vector[at++] as number;
      const route53 = parts.zone(vector, at, n, buildZone);
      numbers[slots + 1] = parts.last;
      const world: DnsWorld = {
        config: template.config,
        seed: template.seed,
        route53,
        plans: stored,
        planner: plannerOf(published),
        enactors,
        operator: operatorOf(operator),
      };
      parts.decoded(world, epoch);
      return world;
    },
  };
  return actorSlots === undefined ? codec : { ...codec, steps: dnsStepMemo(parts, { ...codec, encodeParts }, actorSlots) };
}

function isPlan(value: unknown): value is Plan {
  return typeof value === 'object' && value !== null && typeof (value as Plan).generation === 'number' && typeof (value as Plan).entries === 'object';
}
