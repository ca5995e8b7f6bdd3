import type { StateVector } from '../sim/state-store.ts';
import type { DnsConfig } from './config.ts';
import { IntMemo } from './int-memo.ts';
import { lessThan, permutationsOf, sortTail } from './orderings.ts';
import { PartImages, type PartSource } from './part-images.ts';
import type { EnactorState } from './world.ts';

/** The codec's tag (low two bits of a value) for an interned string or number. */
export const INTERNED = 1;

/** How the codec renames one encoded value or record when Enactors trade places. */
export interface Renamer {
  value(code: number, rename: (text: string) => string): number;
  record(id: number, rename: (text: string) => string): number;
}

export interface EnactorSymmetry {
  /** Per permutation, where it sends each actor index ([0] the Planner, then the Enactors, then the operators). */
  readonly permutations: readonly (readonly number[])[];
  /** Scratch the codec fills: the Enactors' blocks in slot order, and the zone's record ids. */
  readonly blocks: number[];
  readonly records: number[];
  /** Forgets what it learnt of interned parts by their numbers, when the codec's tables start again. */
  forgetParts(): void;
  /** Appends blocks and records to `out`, permuted to the least vector when `symmetric`; returns the permutation. */
  write(out: StateVector, symmetric: boolean): number;
  /**
   * `write` for a world made of interned parts: Enactor state `enactors[s]` in each slot
   * and zone `zone`. Each part's sort keys and images are worked out once, so a state
   * costs a sort of a few keys and the copying of its images (see `dnsStepMemo`).
   */
  writeParts(out: StateVector, symmetric: boolean, enactors: Int32Array, zone: number): number;
}

/**
 * Symmetry reduction over interchangeable Enactors (Murphi's scalarsets, SPIN's
 * symmetry by canonical representative). The Enactors run one program in different
 * AZs, so a world and the same world with two Enactors' states swapped (and every
 * record and string that names them renamed: the lock's holder, the lock value an
 * Enactor read) have the same futures, up to the same swap. Each world is stored as one
 * representative of all such permutations of it: the Enactors sorted by a key that no
 * renaming changes, ties broken by the least vector.
 *
 * What stays out of the reduction, because it breaks the symmetry:
 * - an Enactor named by a fault (`enactor.lock`, `enactor.api-latency`) keeps its slot;
 *   only the Enactors no fault names are permuted among themselves;
 * - endpoints are never permuted: they are applied in list order, the regional endpoint
 *   is the one the invariant watches, and the twin has its own record type.
 * It also assumes what the Enactor programs here do: an Enactor's AZ is only a name
 * (it never decides anything by which AZ it is in), and the invariants never name an Enactor.
 */
export function enactorSymmetry(config: DnsConfig, enactors: readonly EnactorState[], width: number, renamer: Renamer, source: PartSource): EnactorSymmetry {
  const slots = enactors.length;
  const faulted = new Set(config.faults.flatMap((f) => ('enactor' in f ? [f.enactor] : [])));
  const free = enactors.flatMap((e, i) => (faulted.has(e.az) ? [] : [i]));
  const slotPerms = permutationsOf(free).map((images) => {
    const perm = enactors.map((_, i) => i);
    free.forEach((from, k) => {
      perm[from] = images[k] as number;
    });
    return perm;
  });
  const ids = enactors.map((e) => e.id);
  const pattern = ids.length === 0 ? null : new RegExp(ids.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  const renames = slotPerms.map((perm) => {
    const to = new Map(ids.map((id, i) => [id, ids[perm[i] as number] as string]));
    return (text: string): string => (pattern === null ? text : text.replace(pattern, (id) => to.get(id) ?? id));
  });
  const valueImages = renames.map((rename) => new IntMemo((code) => renamer.value(code, rename)));
  const recordImages = renames.map((rename) => new IntMemo((id) => renamer.record(id, rename)));
  const inverse = slotPerms.map((perm) => {
    const inv = new Array<number>(slots);
    perm.forEach((to, from) => {
      inv[to] = from;
    });
    return inv;
  });

  const blocks: number[] = [];
  const records: number[] = [];
  let best: number[] = [];
  let candidate: number[] = [];

  const imageOf = (p: number, code: number): number => {
    // Only interned strings can name an Enactor: numbers, null, booleans and plans stay.
    if (p === 0 || (code & 3) !== INTERNED) return code;
    return (valueImages[p] as IntMemo).get(code);
  };
  /**
   * A value's key for sorting Enactors: the least of its images under every renaming. It
   * is the same for a value and any renaming of it, so an Enactor's keys do not depend on
   * which slot it sits in; an Enactor whose lock value names itself and one whose names
   * another still differ.
   */
  const orbitKeys = new IntMemo((code) => {
    let key = code;
    for (let p = 1; p < slotPerms.length; p++) key = Math.min(key, imageOf(p, code));
    return key;
  });
  const keyOf = (code: number): number => ((code & 3) !== INTERNED ? code : orbitKeys.get(code));
  /**
   * The keys of the state being written, by slot: where they are (an interned part's in
   * its pool, see `partAt`; a block's own computed into `ownKeys`) and from which offset.
   */
  const ownKeys = enactors.map(() => new Int32Array(width));
  const keyPools: Int32Array[] = [...ownKeys];
  const keyAts: number[] = enactors.map(() => 0);
  /** Orders two slots by their keys, field by field. */
  const compareSlots = (a: number, b: number): number => {
    const x = keyPools[a] as Int32Array;
    const y = keyPools[b] as Int32Array;
    const i = keyAts[a] as number;
    const j = keyAts[b] as number;
    for (let f = 0; f < width; f++) {
      const d = (x[i + f] as number) - (y[j + f] as number);
      if (d !== 0) return d;
    }
    return 0;
  };
  /**
   * The permutation that puts the free Enactors in the order of `order` (slots by key),
   * by a number made of the slots in that order.
   */
  const permByOrder = new IntMemo(() => -1);
  slotPerms.forEach((_, p) => {
    const inv = inverse[p] as number[];
    permByOrder.set(
      free.reduce((n, slot) => n * slots + (inv[slot] as number), 0),
      p,
    );
  });
  const order: number[] = [...free];
  /** The one permutation that sorts the free Enactors by key, or -1 when two tie (several may, then). */
  const sortingPerm = (): number => {
    for (let k = 0; k < free.length; k++) order[k] = free[k] as number;
    for (let k = 1; k < order.length; k++) {
      const slot = order[k] as number;
      let j = k - 1;
      while (j >= 0 && compareSlots(order[j] as number, slot) > 0) {
        order[j + 1] = order[j] as number;
        j--;
      }
      order[j + 1] = slot;
    }
    let signature = 0;
    for (let k = 0; k < order.length; k++) {
      if (k > 0 && compareSlots(order[k - 1] as number, order[k] as number) === 0) return -1;
      signature = signature * slots + (order[k] as number);
    }
    return permByOrder.get(signature);
  };
  /** A permutation is worth filling only if it puts the free Enactors in the order of their keys. */
  const sortsKeys = (p: number): boolean => {
    const inv = inverse[p] as number[];
    for (let k = 1; k < free.length; k++) if (compareSlots(inv[free[k - 1] as number] as number, inv[free[k] as number] as number) > 0) return false;
    return true;
  };

  /** With keys tied, the permutation (of those that sort the keys) giving the least vector, written into `best`. */
  const leastOfTied = (): number => {
    let chosen = -1;
    for (let p = 0; p < slotPerms.length; p++) {
      if (!sortsKeys(p)) continue;
      if (chosen < 0) {
        fill(p, best, null);
        chosen = p;
      } else if (fill(p, candidate, best)) {
        [best, candidate] = [candidate, best];
        chosen = p;
      }
    }
    return chosen;
  };

  /**
   * Writes the permuted blocks and records into `into`. With a `bound`, gives up (false)
   * as soon as the blocks already compare greater than it; true means `into` is complete
   * and less than `bound`.
   */
  const fill = (p: number, into: number[], bound: readonly number[] | null): boolean => {
    into.length = 0;
    const inv = inverse[p] as number[];
    let tied = bound !== null;
    for (let to = 0; to < slots; to++) {
      const from = inv[to] as number;
      for (let f = 0; f < width; f++) {
        const image = imageOf(p, blocks[from * width + f] as number);
        if (tied && bound !== null) {
          const other = bound[into.length] as number;
          if (image > other) return false;
          if (image < other) tied = false;
        }
        into.push(image);
      }
    }
    into.push(records.length);
    if (zone >= 0 && p === 0) {
      for (let i = 0; i < records.length; i++) into.push(records[i] as number);
    } else if (zone >= 0) {
      const image = images.zone(p, zone);
      for (let i = 0; i < image.length; i++) into.push(image[i] as number);
    } else {
      const start = into.length;
      const images = recordImages[p] as IntMemo;
      for (const id of records) into.push(p === 0 ? id : images.get(id));
      sortTail(into, start);
    }
    return !tied || bound === null || lessThan(into, bound);
  };
  /**
   * The interned zone's number (interned-parts.ts) when `records` are its sorted ids (a
   * tie in `writeParts`), or -1: an interned zone's images are sorted once per permutation.
   */
  let zone = -1;
  const images = new PartImages(slots, width, slotPerms.length, source, {
    key: keyOf,
    value: imageOf,
    record: (p, id) => (recordImages[p] as IntMemo).get(id),
  });
  const partStarts: number[] = enactors.map(() => 0);

  return {
    permutations: slotPerms.map((perm) => [0, ...perm.map((s) => s + 1), slots + 1]),
    blocks,
    records,
    forgetParts: () => images.forget(),
    write(out, symmetric) {
      zone = -1;
      let chosen = 0;
      if (!symmetric || slotPerms.length === 1) {
        fill(0, best, null);
      } else {
        // Canonical by sorting (Ip & Dill's scalarset normalisation): only the permutations
        // that order the free Enactors by their keys are candidates, usually one; the least
        // vector among them stands for the whole orbit, as the least over all would.
        for (let s = 0; s < slots; s++) {
          const own = ownKeys[s] as Int32Array;
          for (let f = 0; f < width; f++) own[f] = keyOf(blocks[s * width + f] as number);
          keyPools[s] = own;
          keyAts[s] = 0;
        }
        chosen = sortingPerm();
        if (chosen >= 0) fill(chosen, best, null);
        else chosen = leastOfTied();
      }
      out.pushAll(best);
      return chosen;
    },
    writeParts(out, symmetric, parts, zoneNumber) {
      for (let s = 0; s < slots; s++) partStarts[s] = images.at(s, parts[s] as number);
      let chosen = 0;
      if (symmetric && slotPerms.length > 1) {
        for (let s = 0; s < slots; s++) {
          keyPools[s] = images.pool(s);
          keyAts[s] = partStarts[s] as number;
        }
        chosen = sortingPerm();
        if (chosen < 0) {
          // Keys tie: compare the candidates' vectors, as `write` does.
          for (let s = 0; s < slots; s++) source.copyEnactor(s, parts[s] as number, blocks, s * width);
          zone = zoneNumber;
          source.copyZone(zoneNumber, records);
          chosen = leastOfTied();
          out.pushAll(best);
          return chosen;
        }
      }
      const image = images.zone(chosen, zoneNumber);
      const data = out.reserve(slots * width + 1 + image.length);
      let at = out.length;
      const inv = inverse[chosen] as number[];
      const offset = width * (1 + chosen);
      for (let to = 0; to < slots; to++) {
        const from = inv[to] as number;
        const pool = images.pool(from);
        const start = (partStarts[from] as number) + offset;
        for (let f = 0; f < width; f++) data[at++] = pool[start + f] as number;
      }
      data[at++] = image.length;
      for (let i = 0; i < image.length; i++) data[at++] = image[i] as number;
      out.length = at;
      return chosen;
    },
  };
}
