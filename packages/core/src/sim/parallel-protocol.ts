import { importModule } from './carried-modules.ts';
import type { ArenaMemory } from './level-arena.ts';
import type { Invariant, Model } from './model.ts';

/**
 * How a worker thread builds the model: functions cannot cross threads, so each worker
 * imports a module and calls one of its exports with plain data.
 */
export interface ModelRecipe {
  /** URL (file://…) of an ES module. */
  readonly module: string;
  /** The export to call; it returns the model and the invariants to check. */
  readonly export: string;
  /** Passed to it; must survive structured cloning. */
  readonly args?: unknown;
  /** URLs of the modules the export imports while it runs (a learner's Enactor): each worker's bundle carries them. */
  readonly imports?: readonly string[];
}

export interface Searchable<W, O> {
  readonly model: Model<W, O>;
  readonly invariants: readonly Invariant<O>[];
}

export interface WorkerSetup {
  readonly recipe: ModelRecipe;
  readonly index: number;
  readonly count: number;
  readonly symmetric: boolean;
  /** Int32Array over a SharedArrayBuffer: [0] is set to 1 to stop every worker (Ctrl-C). */
  readonly stop: SharedArrayBuffer;
  readonly progressEvery: number;
  /** This worker's step beacon (step-beacon.ts). */
  readonly beacon: SharedArrayBuffer;
  /** The visited set's memory (shared-visited.ts), until a level hands over a larger one. */
  readonly visited: SharedArrayBuffer;
}

/** A run of the last level's states for one worker to expand: entries `from` to `to` of `worker`'s arena. */
export interface Chunk {
  readonly worker: number;
  readonly from: number;
  readonly to: number;
  /** The local index of the arena's first state: its reference is (base + i) × workers + worker. */
  readonly base: number;
}

/**
 * A better parent one worker found for a state another worker added in the same level:
 * six ints each (the state's local index, the parent's reference and hashes, actor,
 * permutation), applied by the state's owner before the next level.
 */
export type ParentOffers = Int32Array;

/** A worker's candidate counterexample; `parent` is a global reference (index × workers + worker). */
export interface WireCandidate {
  readonly parent: number;
  readonly h1: number;
  readonly h2: number;
  readonly actor: number;
  readonly perm: number;
}

export type ToWorker =
  | {
      readonly type: 'level';
      /** The visited set's memory when it has grown, else null. */
      readonly visited: SharedArrayBuffer | null;
      /** Every worker's arena of the last level. */
      readonly arenas: readonly ArenaMemory[];
      readonly chunks: readonly Chunk[];
      /** Each worker's count of states: where its states of this level begin. */
      readonly bases: readonly number[];
      /** The other workers' new dictionary entries. */
      readonly entries: readonly string[];
      readonly offers: ParentOffers;
    }
  | { readonly type: 'trail'; readonly index: number };

export type FromWorker =
  /** Ready, with the states it starts with (the initial state, for worker 0) and the dictionary entries they need. */
  | { readonly type: 'ready'; readonly arena: ArenaMemory; readonly entries: readonly string[] }
  | { readonly type: 'progress'; readonly worker: number; readonly expanded: number; readonly states: number; readonly transitions: number }
  | {
      readonly type: 'level-done';
      readonly worker: number;
      readonly states: number;
      readonly added: number;
      readonly transitions: number;
      readonly terminal: number;
      readonly violations: number;
      readonly bytes: number;
      readonly interrupted: boolean;
      readonly candidate: WireCandidate | null;
      /** The states it added in the level. */
      readonly arena: ArenaMemory;
      /** Its new dictionary entries. */
      readonly entries: readonly string[];
      /** By owner: better parents for states other workers added in the level. */
      readonly offers: readonly ParentOffers[];
    }
  | { readonly type: 'trail'; readonly parent: number; readonly actor: number; readonly perm: number }
  | { readonly type: 'error'; readonly message: string }
  /** Every step name the worker has met, by their index on its beacon. */
  | { readonly type: 'step-names'; readonly names: readonly string[] };

export async function loadSearchable<W, O>(recipe: ModelRecipe): Promise<Searchable<W, O>> {
  const module = await importModule(recipe.module);
  const build = module[recipe.export];
  if (typeof build !== 'function') throw new Error(`${recipe.module} has no function ${recipe.export}`);
  return (await (build as (args: unknown) => Searchable<W, O> | Promise<Searchable<W, O>>)(recipe.args)) as Searchable<W, O>;
}
