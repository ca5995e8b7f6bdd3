import type { ResourceRecord } from './records.ts';

/**
 * The strings, numbers and records a DNS state vector refers to, each by an id that is a
 * hash of its content. Ids from content (not from the order things were first met) make
 * every search encode a state as the same vector, so the parallel workers, each with its
 * own dictionary, agree on states, hashes and counterexamples with the sequential search.
 * Two contents with one id would make two states look alike: that is detected (here, or
 * when a worker absorbs another's entries) and stops the search rather than merge them.
 */
export class Dictionary {
  readonly #values = new Map<number, string | number>();
  readonly #records = new Map<number, ResourceRecord>();
  /** The interned record objects themselves, found by identity without building their key. */
  readonly #canonical = new Map<ResourceRecord, number>();
  /** Ids of strings met before: the codec asks for every Enactor field of every state it encodes. */
  readonly #stringIds = new Map<string, number>();
  #fresh: string[] = [];

  /** An id below 2^29 (the codec keeps two tag bits in an int32). */
  value(value: string | number): number {
    const seen = typeof value === 'string' ? this.#stringIds.get(value) : undefined;
    if (seen !== undefined) return seen;
    const entry = typeof value === 'string' ? `s${value}` : `n${value}`;
    const id = hash(entry) & 0x1fffffff;
    const known = this.#values.get(id);
    if (known === undefined) {
      this.#values.set(id, value);
      this.#fresh.push(entry);
    } else if (known !== value) {
      throw collision(entry);
    }
    if (typeof value === 'string') this.#stringIds.set(value, id);
    return id;
  }

  valueOf(id: number): string | number | undefined {
    return this.#values.get(id);
  }

  record(r: ResourceRecord): number {
    const seen = this.#canonical.get(r);
    if (seen !== undefined) return seen;
    const entry = `r${r.name}\u0000${r.type}\u0000${r.setId}\u0000${r.weight}\u0000${r.value}`;
    const id = hash(entry) & 0x7fffffff;
    const known = this.#records.get(id);
    if (known === undefined) {
      this.#records.set(id, r);
      this.#canonical.set(r, id);
      this.#fresh.push(entry);
    } else if (known !== r && (known.name !== r.name || known.type !== r.type || known.setId !== r.setId || known.weight !== r.weight || known.value !== r.value)) {
      throw collision(entry);
    }
    return id;
  }

  recordOf(id: number): ResourceRecord | undefined {
    return this.#records.get(id);
  }

  /** Entries added since the last call, to send to the other workers. */
  drain(): string[] {
    const fresh = this.#fresh;
    this.#fresh = [];
    return fresh;
  }

  /** Another worker's entries. */
  absorb(entries: readonly string[]): void {
    const own = this.#fresh;
    for (const entry of entries) {
      const kind = entry[0];
      const body = entry.slice(1);
      if (kind === 's') this.value(body);
      else if (kind === 'n') this.value(Number(body));
      else {
        const [name = '', type = 'TXT', setId = '', weight = '0', value = ''] = body.split('\u0000');
        this.record({ name, type: type as ResourceRecord['type'], setId, weight: Number(weight), value });
      }
    }
    this.#fresh = own;
  }
}

function collision(entry: string): Error {
  return new Error(`state dictionary: two different contents share one hash (${JSON.stringify(entry.slice(1, 60))}); the search stops rather than merge two states`);
}

/** FNV-1a over UTF-16 code units, with a final avalanche. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
