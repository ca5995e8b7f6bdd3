import type { Change, ResourceRecord } from './records.ts';

/**
 * Record changes built by what they mean. A batch is a list of these; spelling the action
 * as a string would let a typo through to Route 53, which checks only the three it knows.
 */

/** Fails if the record already exists. */
export function createRecord(record: ResourceRecord): Change {
  return { action: 'CREATE', record };
}

/** Fails unless the record is there with exactly this value: Route 53's compare-and-set. */
export function deleteRecord(record: ResourceRecord): Change {
  return { action: 'DELETE', record };
}

/** Creates the record or replaces it, whatever was there. */
export function upsertRecord(record: ResourceRecord): Change {
  return { action: 'UPSERT', record };
}
