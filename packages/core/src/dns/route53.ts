import { generationOfSet, sameRecord, type Change, type RecordType, type ResourceRecord } from './records.ts';
import { ZoneHash } from './zone-hash.ts';

export type ChangeResult = { readonly ok: true } | { readonly ok: false; readonly reason: string; readonly change: number };

/** The one write call: what an Enactor's batch step may do, and nothing that reads. */
export interface Route53Batch {
  changeResourceRecordSets(changes: readonly Change[]): ChangeResult;
}

/**
 * A Route 53 hosted zone, with the rules the race depends on:
 * - ChangeResourceRecordSets is all-or-nothing;
 * - a DELETE must match the current record exactly, value included;
 * - CREATE fails when the record already exists;
 * - an ALIAS whose target does not exist in the zone is rejected.
 * Deleting a record that an ALIAS points at is allowed: that is how the regional endpoint
 * came to point at nothing.
 */
export class Route53 implements Route53Batch {
  /** name → (type|setId → record) */
  #zone: Map<string, Map<string, ResourceRecord>>;
  /**
   * Whether the map of names is shared with a copy: most steps of a search only read the
   * zone, so a copy shares even that map until one of them adds or removes a name.
   */
  #sharedNames = false;
  /**
   * The per-name maps this zone may change in place; any other is shared with a copy.
   * Made on the first write: most copies in a search are only read.
   */
  #owned: Set<Map<string, ResourceRecord>> | null = null;
  /**
   * Names touched by each committed batch, so observers can rebuild only what changed.
   * A clone starts a fresh journal: its observers start from scratch.
   */
  #journal: string[][] | null = null;
  /**
   * A copy's record changes since it was copied, as pairs (the record before, the record
   * after; undefined for none), so the exhaustive search encodes a successor from its
   * parent's records and the few a step changed. Only copies keep it: the one zone of an
   * ordinary run would otherwise log the whole night.
   */
  #changes: (ResourceRecord | undefined)[] | null = null;
  /** What a reader derived from this zone (observe.ts's endpoint views), and at which version. */
  #memo: unknown = undefined;
  #memoVersion = -1;
  /** The zone's Zobrist hash, from its first `fingerprint` on (see zone-hash.ts). */
  #hash: ZoneHash | null;
  /**
   * Which zone this one was cloned from, by number rather than by reference: a run that
   * clones every step would otherwise keep its whole history alive through the chain.
   */
  readonly #serial = nextSerial++;
  #source = -1;

  constructor(zone?: Map<string, Map<string, ResourceRecord>>, hash: ZoneHash | null = null) {
    this.#zone = zone ?? new Map();
    this.#hash = hash;
  }

  /** A zone holding exactly these records (the exhaustive search rebuilds zones from its state vectors). */
  static fromRecords(records: Iterable<ResourceRecord>): Route53 {
    const zone = new Route53();
    for (const r of records) zone.#put(r);
    return zone;
  }

  /** Calls `visit` with every record in the zone. */
  forEachRecord(visit: (record: ResourceRecord) => void): void {
    for (const records of this.#zone.values()) for (const r of records.values()) visit(r);
  }

  /**
   * Copy-on-write: the copy shares every name's records with the original until one of
   * them writes to that name, so a copy costs the list of names, not the records (the
   * exhaustive search copies a zone for every step it tries).
   */
  clone(): Route53 {
    this.#owned?.clear();
    this.#sharedNames = true;
    const copy = new Route53(this.#zone, this.#hash?.copy() ?? null);
    copy.#sharedNames = true;
    copy.#source = this.#serial;
    copy.#changes = [];
    if (this.#memoVersion === this.version) {
      copy.#memo = this.#memo;
      copy.#memoVersion = 0;
    }
    return copy;
  }

  /**
   * The zone this one was copied from, by serial, if it is a copy (-1 otherwise), and what
   * changed since: `visit(before, after)` for every record replaced, created (before is
   * undefined) or deleted (after is undefined), in order.
   */
  get copiedFrom(): number {
    return this.#source;
  }

  forEachChange(visit: (before: ResourceRecord | undefined, after: ResourceRecord | undefined) => void): void {
    const changes = this.#changes;
    if (changes === null) return;
    for (let i = 0; i < changes.length; i += 2) visit(changes[i], changes[i + 1]);
  }

  /** The value a reader derived from this zone at `memoVersion` (see `remember`); undefined if none. */
  get memo(): unknown {
    return this.#memo;
  }

  /** The version `memo` was derived at; -1 if none. */
  get memoVersion(): number {
    return this.#memoVersion;
  }

  /**
   * Keeps a value derived from the zone as it is now, for the reader to update from
   * `changedSince(memoVersion)` next time. A copy starts with its original's, when current.
   */
  remember(value: unknown): void {
    this.#memo = value;
    this.#memoVersion = this.version;
  }

  /** This zone's number, which its copies remember (see `copiedFrom`). */
  get serial(): number {
    return this.#serial;
  }

  /** Counts committed batches. */
  get version(): number {
    return this.#journal === null ? 0 : this.#journal.length;
  }

  /** For each batch committed after `version`, the names it touched. */
  changedSince(version: number): readonly (readonly string[])[] {
    return this.#journal === null ? [] : this.#journal.slice(version);
  }

  changeResourceRecordSets(changes: readonly Change[]): ChangeResult {
    const undo: Undo[] = [];
    for (let i = 0; i < changes.length; i++) {
      const change = changes[i] as Change;
      const problem = this.#apply(change, undo);
      if (problem !== null) {
        for (let u = undo.length - 1; u >= 0; u--) {
          const step = undo[u] as Undo;
          if (step.previous === undefined) this.#remove(step.name, step.key);
          else this.#put(step.previous);
        }
        return { ok: false, reason: problem, change: i };
      }
    }
    const log = this.#changes;
    if (log !== null) for (const step of undo) log.push(step.previous, step.after);
    (this.#journal ??= []).push(changes.map((c) => c.record.name));
    return { ok: true };
  }

  get(name: string, type: RecordType, setId = ''): ResourceRecord | undefined {
    return this.#zone.get(name)?.get(key(type, setId));
  }

  /** Every record at `name`. */
  recordsAt(name: string): ResourceRecord[] {
    const records = this.#zone.get(name);
    return records === undefined ? [] : [...records.values()];
  }

  exists(name: string): boolean {
    return this.#zone.has(name);
  }

  /** Names of every plan record set in the zone, with their generation. */
  planSets(): { name: string; generation: number }[] {
    const sets: { name: string; generation: number }[] = [];
    for (const name of this.#zone.keys()) {
      const generation = generationOfSet(name);
      if (generation !== null) sets.push({ name, generation });
    }
    return sets;
  }

  /**
   * What an authoritative answer for `name` holds: follow ALIASes to a set and return its
   * addresses of `type`. An ALIAS to a name with no records gives NOERROR with no answers,
   * which is what resolvers got for dynamodb.us-east-1.amazonaws.com at 23:48.
   * Simplification: weighted routing would return one record per query, chosen by weight;
   * we return every address with a weight above zero, which is what clients saw over time.
   */
  resolve(name: string, type: 'A' | 'AAAA'): string[] {
    let current = name;
    for (let hops = 0; hops < 8; hops++) {
      const records = this.#zone.get(current);
      if (records === undefined) return [];
      const target = records.get(key('ALIAS', ''));
      if (target !== undefined) {
        current = target.value;
        continue;
      }
      const answers: string[] = [];
      for (const r of records.values()) if (r.type === type && r.weight > 0) answers.push(r.value);
      return answers;
    }
    return [];
  }

  /** The zone's content as a 64-bit hash, for state hashing (collisions are negligible at these sizes). */
  fingerprint(): string {
    if (this.#hash === null) {
      const hash = new ZoneHash();
      for (const records of this.#zone.values()) for (const r of records.values()) hash.toggle(r);
      this.#hash = hash;
    }
    return this.#hash.toString();
  }

  get size(): number {
    let n = 0;
    for (const records of this.#zone.values()) n += records.size;
    return n;
  }

  #apply(change: Change, undo: Undo[]): string | null {
    const r = change.record;
    const k = key(r.type, r.setId);
    const existing = this.#zone.get(r.name)?.get(k);
    switch (change.action) {
      case 'CREATE':
        if (existing !== undefined) return `CREATE ${describe(r)}: the record already exists`;
        break;
      case 'DELETE':
        if (existing === undefined) return `DELETE ${describe(r)}: no such record`;
        if (!sameRecord(existing, r)) return `DELETE ${describe(r)}: current value is ${JSON.stringify(existing.value)}, not ${JSON.stringify(r.value)}`;
        this.#remove(r.name, k);
        undo.push({ name: r.name, key: k, previous: existing, after: undefined });
        return null;
      case 'UPSERT':
        break;
    }
    if (r.type === 'ALIAS' && !this.#zone.has(r.value)) {
      return `${change.action} ${describe(r)}: alias target ${r.value} does not exist`;
    }
    this.#put(r);
    undo.push({ name: r.name, key: k, previous: existing, after: r });
    return null;
  }

  #put(r: ResourceRecord): void {
    const records = this.#writable(r.name) ?? new Map<string, ResourceRecord>();
    if (records.size === 0) {
      this.#names().set(r.name, records);
      (this.#owned ??= new Set()).add(records);
    }
    const k = key(r.type, r.setId);
    const old = records.get(k);
    records.set(k, r);
    if (this.#hash !== null) {
      if (old !== undefined) this.#hash.toggle(old);
      this.#hash.toggle(r);
    }
  }

  #remove(name: string, k: string): void {
    const old = this.#zone.get(name)?.get(k);
    const records = old === undefined ? undefined : this.#writable(name);
    if (records === undefined || old === undefined) return;
    records.delete(k);
    this.#hash?.toggle(old);
    if (records.size === 0) this.#names().delete(name);
  }

  /** The map of names, copied first if it is shared with another zone. */
  #names(): Map<string, Map<string, ResourceRecord>> {
    if (this.#sharedNames) {
      this.#zone = new Map(this.#zone);
      this.#sharedNames = false;
    }
    return this.#zone;
  }

  /** The records at `name`, copied first if they are shared with another zone. */
  #writable(name: string): Map<string, ResourceRecord> | undefined {
    const records = this.#zone.get(name);
    if (records === undefined || this.#owned?.has(records) === true) return records;
    const copy = new Map(records);
    this.#names().set(name, copy);
    (this.#owned ??= new Set()).add(copy);
    return copy;
  }
}

let nextSerial = 0;

/** What to restore if a later change in the batch fails: the record that was there, if any (and the one put instead). */
interface Undo {
  readonly name: string;
  readonly key: string;
  readonly previous: ResourceRecord | undefined;
  readonly after: ResourceRecord | undefined;
}

/** Keys are interned: a key built anew for every change would be hashed anew by every Map it is looked up in. */
const keys = new Map<RecordType, Map<string, string>>();

function key(type: RecordType, setId: string): string {
  if (setId === '') return type;
  let ofType = keys.get(type);
  if (ofType === undefined) {
    ofType = new Map();
    keys.set(type, ofType);
  }
  let k = ofType.get(setId);
  if (k === undefined) {
    // Set ids are load balancers' ids: few. The table is emptied if a long process ever piles them up.
    if (ofType.size >= 1 << 16) ofType.clear();
    k = `${type}|${setId}`;
    ofType.set(setId, k);
  }
  return k;
}

function describe(r: ResourceRecord): string {
  return r.type === 'ALIAS' ? `ALIAS ${r.name} → ${r.value}` : `${r.type} ${r.name}${r.setId === '' ? '' : ` [${r.setId}]`}`;
}
