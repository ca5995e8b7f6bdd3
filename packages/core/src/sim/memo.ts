/**
 * In-process memoisation of the expensive runs that several callers ask for with the same
 * inputs (a deck draws the October night for three charts; the replay's five variants
 * share the night as it happened with the deck's own chart). The model is deterministic,
 * so a result is a function of its inputs alone, and a cached one is the same value a run
 * would give. Keys are exact: plain data by its content, objects that carry behaviour (a
 * lesson's Enactor, throttle, policy) by identity, and only those vouched stateless.
 */

/** How to empty each memo table, so that `forgetMemos` can empty them all. */
const clearers = new Set<() => void>();

const identities = new WeakMap<object, number>();
let nextIdentity = 1;
/** Objects their maker vouched for: nothing in them changes from one run to the next. */
const stateless = new WeakSet<object>();

/**
 * Vouches that these objects (an Enactor, a policy's factory, a throttle) keep no state
 * from one run to the next, so that a run may be keyed by their identity. A learner's
 * fixes are never vouched for: a policy shared by every night would otherwise hide its
 * own bug behind a night already run.
 */
export function declareStateless(...values: readonly object[]): void {
  for (const value of values) stateless.add(value);
}

/** A number that stands for this very object for the life of the process: for results, which nothing changes. */
export function identityKey(value: object): string {
  let id = identities.get(value);
  if (id === undefined) {
    id = nextIdentity++;
    identities.set(value, id);
  }
  return `#${id}`;
}

/** The identity of an object that carries behaviour, or null if nobody vouched it stateless. */
export function behaviourKey(value: object): string | null {
  return stateless.has(value) ? identityKey(value) : null;
}

/**
 * A canonical text of plain data (numbers exactly, strings, booleans, null, arrays, plain
 * objects with their keys sorted), or null when the value holds anything else (a function,
 * a class instance, undefined in an array): such a value cannot be keyed by content, and
 * its run is not memoised rather than risk a key that two different inputs share.
 */
export function contentKey(value: unknown): string | null {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  // Infinity and NaN have no JSON of their own (both would print null); -0 is kept apart from 0.
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (Array.isArray(value)) {
    const parts: string[] = [];
    for (const item of value) {
      const key = contentKey(item);
      if (key === null) return null;
      parts.push(key);
    }
    return `[${parts.join(',')}]`;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const parts: string[] = [];
    for (const [name, item] of Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      // An absent optional field and one set to undefined are the same input.
      if (item === undefined) continue;
      const key = contentKey(item);
      if (key === null) return null;
      parts.push(`${JSON.stringify(name)}:${key}`);
    }
    return `{${parts.join(',')}}`;
  }
  return null;
}

/**
 * A memo table that keeps the `limit` results used last: the runs it holds (a night of the
 * Region is megabytes) stay few however many inputs a process tries.
 */
export function memoTable<V>(limit: number): { get(key: string, compute: () => V): V } {
  // Each result is boxed, so that a cached undefined is still told apart from a miss.
  const table = new Map<string, { readonly value: V }>();
  clearers.add(() => table.clear());
  return {
    get(key, compute) {
      const hit = table.get(key);
      if (hit !== undefined) {
        table.delete(key);
        table.set(key, hit);
        return hit.value;
      }
      const value = compute();
      table.set(key, { value });
      for (const oldest of table.keys()) {
        if (table.size <= limit) break;
        table.delete(oldest);
      }
      return value;
    },
  };
}

/**
 * Empties every memo table. A determinism test calls it between two runs with the same
 * inputs, so that the second is computed again rather than handed the first.
 */
export function forgetMemos(): void {
  for (const clear of clearers) clear();
}
