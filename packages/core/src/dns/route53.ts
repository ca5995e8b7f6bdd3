import { generationOfSet, sameRecord, type Change, type RecordType, type ResourceRecord } from './records.ts';

export type ChangeResult = { readonly ok: true } | { readonly ok: false; readonly reason: string; readonly change: number };

/**
 * A Route 53 hosted zone, with the rules the race depends on:
 * - ChangeResourceRecordSets is all-or-nothing;
 * - a DELETE must match the current record exactly, value included;
 * - CREATE fails when the record already exists;
 * - an ALIAS whose target does not exist in the zone is rejected.
 * Deleting a record that an ALIAS points at is allowed: that is how the regional endpoint
 * came to point at nothing.
 */
export class Route53 {
  /** name → (type|setId → record) */
  readonly #zone: Map<string, Map<string, ResourceRecord>>;
  /**
   * Names touched by each committed batch, so observers can rebuild only what changed.
   * A clone starts a fresh journal: its observers start from scratch.
   */
  readonly #journal: string[][] = [];

  constructor(zone?: Map<string, Map<string, ResourceRecord>>) {
    this.#zone = zone ?? new Map();
  }

  clone(): Route53 {
    const copy = new Map<string, Map<string, ResourceRecord>>();
    for (const [name, records] of this.#zone) copy.set(name, new Map(records));
    return new Route53(copy);
  }

  /** Counts committed batches. */
  get version(): number {
    return this.#journal.length;
  }

  /** Names touched by the batches committed after `version`. */
  *changedSince(version: number): Iterable<string> {
    for (let v = version; v < this.#journal.length; v++) yield* this.#journal[v] as string[];
  }

  changeResourceRecordSets(changes: readonly Change[]): ChangeResult {
    const undo: (() => void)[] = [];
    for (let i = 0; i < changes.length; i++) {
      const change = changes[i] as Change;
      const problem = this.#apply(change, undo);
      if (problem !== null) {
        for (let u = undo.length - 1; u >= 0; u--) (undo[u] as () => void)();
        return { ok: false, reason: problem, change: i };
      }
    }
    this.#journal.push(changes.map((c) => c.record.name));
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

  /** Canonical text of the whole zone, for state hashing. */
  fingerprint(): string {
    const lines: string[] = [];
    for (const records of this.#zone.values()) {
      for (const r of records.values()) lines.push(`${r.name}|${r.type}|${r.setId}|${r.weight}|${r.value}`);
    }
    return lines.sort().join('\n');
  }

  get size(): number {
    let n = 0;
    for (const records of this.#zone.values()) n += records.size;
    return n;
  }

  #apply(change: Change, undo: (() => void)[]): string | null {
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
        undo.push(() => this.#put(existing));
        return null;
      case 'UPSERT':
        break;
    }
    if (r.type === 'ALIAS' && !this.#zone.has(r.value)) {
      return `${change.action} ${describe(r)}: alias target ${r.value} does not exist`;
    }
    this.#put(r);
    undo.push(existing === undefined ? () => this.#remove(r.name, k) : () => this.#put(existing));
    return null;
  }

  #put(r: ResourceRecord): void {
    let records = this.#zone.get(r.name);
    if (records === undefined) {
      records = new Map();
      this.#zone.set(r.name, records);
    }
    records.set(key(r.type, r.setId), r);
  }

  #remove(name: string, k: string): void {
    const records = this.#zone.get(name);
    if (records === undefined) return;
    records.delete(k);
    if (records.size === 0) this.#zone.delete(name);
  }
}

function key(type: RecordType, setId: string): string {
  return setId === '' ? type : `${type}|${setId}`;
}

function describe(r: ResourceRecord): string {
  return r.type === 'ALIAS' ? `ALIAS ${r.name} → ${r.value}` : `${r.type} ${r.name}${r.setId === '' ? '' : ` [${r.setId}]`}`;
}
