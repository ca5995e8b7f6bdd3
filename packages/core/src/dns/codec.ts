import type { StateCodec } from '../sim/model.ts';
import type { StateVector } from '../sim/state-store.ts';
import type { DnsConfig } from './config.ts';
import { PlanStore, type Plan } from './plan-store.ts';
import { buildPlan } from './planner.ts';
import type { ResourceRecord } from './records.ts';
import { Route53 } from './route53.ts';
import { Dictionary } from './dictionary.ts';
import { INTERNED, enactorSymmetry, type Renamer } from './symmetry.ts';
import { sharedEnactorState, type DnsWorld, type EnactorState } from './world.ts';

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
 * interchangeable Enactors (see symmetry.ts).
 */
export function createDnsCodec(config: DnsConfig, template: DnsWorld): StateCodec<DnsWorld> {
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
  const symmetry = enactorSymmetry(config, template.enactors, width, renamer);

  const headerOf = (world: DnsWorld, out: StateVector): void => {
    out.push(world.planner.published);
    // One int for the operators: their next action and two flags that change what they do next.
    out.push(world.operator.next * 4 + (world.operator.repaired ? 2 : 0) + (world.operator.automationOff ? 1 : 0));
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

  /**
   * Zones already built from a vector's records, by a hash of their ids: the Enactors'
   * states change far more often than the zone. A decoded world is only read (observed,
   * asked who is ready) and cloned for each step, so one zone serves every state that
   * holds the same records; one that a batch changed anyway is built again.
   */
  const zones = new Map<number, { readonly ids: Int32Array; readonly zone: Route53 }>();
  const zoneOf = (vector: Int32Array, start: number, end: number): Route53 => {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ (vector[i] as number), 0x01000193);
    const known = zones.get(h);
    if (known !== undefined && known.zone.version === 0 && sameIds(known.ids, vector, start, end)) return known.zone;
    const records: ResourceRecord[] = [];
    for (let i = start; i < end; i++) records.push(recordOf(vector[i] as number));
    const zone = Route53.fromRecords(records);
    if (zones.size >= ZONE_CACHE) zones.clear();
    zones.set(h, { ids: vector.slice(start, end), zone });
    return zone;
  };
  // The world decoded last, its Enactors' codes and its zone's record ids. A successor
  // shares the Enactors that did not step (decoded states are shared ones, which a step
  // copies before it changes its own, see ownState) and usually most of the zone: it is encoded from these and the few
  // records its step changed (unless something wrote to the decoded zone itself, which no
  // Enactor should).
  let decodedZone: Route53 | null = null;
  let decodedIds = new Int32Array(64);
  let decodedCount = 0;
  let decodedEnactors: readonly EnactorState[] = [];
  const decodedBlocks = new Int32Array(slots * width);
  const removeId = (id: number): void => {
    const records = symmetry.records;
    const at = records.indexOf(id);
    if (at < 0) throw new Error(`DNS codec: a step removed record ${id}, which the zone did not hold`);
    records[at] = records[records.length - 1] as number;
    records.pop();
  };
  const recordsOf = (zone: Route53): void => {
    const records = symmetry.records;
    records.length = 0;
    if (decodedZone === null || decodedZone.version !== 0 || zone.copiedFrom !== decodedZone.serial) {
      zone.forEachRecord(addRecord);
      return;
    }
    for (let i = 0; i < decodedCount; i++) records.push(decodedIds[i] as number);
    zone.forEachChange((before, after) => {
      if (before !== undefined) removeId(dictionary.record(before));
      if (after !== undefined) records.push(dictionary.record(after));
    });
  };

  return {
    permutations: symmetry.permutations,
    dictionary,
    encode(world, out, symmetric) {
      out.clear();
      headerOf(world, out);
      const blocks = symmetry.blocks;
      for (let s = 0; s < slots; s++) {
        const enactor = world.enactors[s];
        if (enactor !== undefined && enactor === decodedEnactors[s]) {
          for (let f = s * width; f < (s + 1) * width; f++) blocks[f] = decodedBlocks[f] as number;
          continue;
        }
        const e = enactor as unknown as Record<string, unknown>;
        for (let f = 0; f < width; f++) blocks[s * width + f] = encodeValue(e[fields[f] as string], fields[f] as string);
      }
      recordsOf(world.route53);
      return symmetry.write(out, symmetric);
    },
    decode(vector) {
      let at = 0;
      const published = vector[at++] as number;
      const operator = vector[at++] as number;
      const newest = vector[at++] as number;
      const count = vector[at++] as number;
      const stored = new Map<number, Plan>();
      for (let i = 0; i < count; i++) {
        const g = vector[at++] as number;
        stored.set(g, plan(g));
      }
      decodedBlocks.set(vector.subarray(at, at + slots * width));
      const enactors = template.enactors.map((slot) => {
        const from = slot as unknown as Record<string, unknown>;
        const e = sharedEnactorState();
        for (const key of keys) e[key] = fieldSet.has(key) ? decodeValue(vector[at++] as number) : from[key];
        return e as unknown as EnactorState;
      });
      decodedEnactors = enactors;
      const n = vector[at++] as number;
      const route53 = zoneOf(vector, at, at + n);
      decodedZone = route53;
      if (decodedIds.length < n) decodedIds = new Int32Array(n * 2);
      decodedIds.set(vector.subarray(at, at + n));
      decodedCount = n;
      return {
        config: template.config,
        seed: template.seed,
        route53,
        plans: new PlanStore(stored, newest),
        planner: { published, limit: template.planner.limit },
        enactors,
        operator: { next: operator >>> 2, repaired: (operator & 2) !== 0, automationOff: (operator & 1) !== 0 },
      };
    },
  };
}

/** Distinct zones the decoder keeps built; a complete check at the night's size meets a few thousand. */
const ZONE_CACHE = 1 << 14;

function sameIds(ids: Int32Array, vector: Int32Array, start: number, end: number): boolean {
  if (ids.length !== end - start) return false;
  for (let i = start; i < end; i++) if (ids[i - start] !== vector[i]) return false;
  return true;
}

function isPlan(value: unknown): value is Plan {
  return typeof value === 'object' && value !== null && typeof (value as Plan).generation === 'number' && typeof (value as Plan).entries === 'object';
}
