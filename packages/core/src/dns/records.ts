/**
 * Names of the records the DNS Enactor manages for one endpoint (talk: DAT453):
 * - the root ALIAS at the endpoint's name, pointing at the active plan's record set;
 * - one weighted record set per plan version: `plan-<generation>.<endpoint>`, one leaf
 *   record (address + weight) per load balancer;
 * - the rollback ALIAS, pointing at the previous plan's set, updated with the root;
 * - the lock, a TXT record naming the holder and an expiry time.
 */
export type RecordType = 'A' | 'AAAA' | 'ALIAS' | 'TXT';

export interface ResourceRecord {
  readonly name: string;
  readonly type: RecordType;
  /** Distinguishes the records of a weighted set (the load balancer's id); '' otherwise. */
  readonly setId: string;
  readonly weight: number;
  /** An address, an ALIAS target name, or TXT text. */
  readonly value: string;
}

export type ChangeAction = 'CREATE' | 'DELETE' | 'UPSERT';

export interface Change {
  readonly action: ChangeAction;
  readonly record: ResourceRecord;
}

const PLAN_PREFIX = 'plan-';

/**
 * Interned, like the names below, and each name's generation is known from the start: a
 * night builds, looks up and parses these names tens of thousands of times, and a
 * freshly built string is hashed again on every Map lookup.
 */
const setNames = new Map<string, Map<number, string>>();
const generations = new Map<string, number | null>();
/** Names of sets are few (endpoints × generations); the table is emptied if a long process ever piles them up. */
const MAX_INTERNED = 1 << 16;

export function planSetName(endpoint: string, generation: number): string {
  let names = setNames.get(endpoint);
  if (names === undefined) {
    if (setNames.size >= MAX_INTERNED) setNames.clear();
    names = new Map();
    setNames.set(endpoint, names);
  }
  let name = names.get(generation);
  if (name === undefined) {
    if (names.size >= MAX_INTERNED) names.clear();
    name = `${PLAN_PREFIX}${generation}.${endpoint}`;
    names.set(generation, name);
  }
  return name;
}

/** The generation a plan set name belongs to, or null for any other name. */
export function generationOfSet(name: string): number | null {
  let generation = generations.get(name);
  if (generation === undefined) {
    generation = parseGeneration(name);
    if (generations.size >= MAX_INTERNED) generations.clear();
    generations.set(name, generation);
  }
  return generation;
}

function parseGeneration(name: string): number | null {
  if (!name.startsWith(PLAN_PREFIX)) return null;
  const dot = name.indexOf('.');
  const generation = Number(name.slice(PLAN_PREFIX.length, dot));
  return dot > 0 && Number.isInteger(generation) ? generation : null;
}

// Interned: these names are looked up after every step, and a freshly concatenated
// string would be re-hashed on every Map lookup.
const rollbackNames = new Map<string, string>();
const lockNames = new Map<string, string>();

export function rollbackName(endpoint: string): string {
  return intern(rollbackNames, endpoint, '_rollback.');
}

export function lockName(endpoint: string): string {
  return intern(lockNames, endpoint, '_lock.');
}

function intern(names: Map<string, string>, endpoint: string, prefix: string): string {
  let name = names.get(endpoint);
  if (name === undefined) {
    name = `${prefix}${endpoint}`;
    names.set(endpoint, name);
  }
  return name;
}

export function alias(name: string, target: string): ResourceRecord {
  return { name, type: 'ALIAS', setId: '', weight: 0, value: target };
}

export function txt(name: string, value: string): ResourceRecord {
  return { name, type: 'TXT', setId: '', weight: 0, value };
}

export function sameRecord(a: ResourceRecord, b: ResourceRecord): boolean {
  return a.name === b.name && a.type === b.type && a.setId === b.setId && a.weight === b.weight && a.value === b.value;
}
