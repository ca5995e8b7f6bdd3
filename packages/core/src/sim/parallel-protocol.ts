import type { MessagePort } from 'node:worker_threads';
import { importModule } from './carried-modules.ts';
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
}

/** A worker's candidate counterexample; `parent` is a global reference (index × workers + worker). */
export interface WireCandidate {
  readonly parent: number;
  readonly h1: number;
  readonly h2: number;
  readonly actor: number;
  readonly perm: number;
}

export type ToWorker =
  | { readonly type: 'peers'; readonly ports: readonly (MessagePort | null)[] }
  | { readonly type: 'level' }
  | { readonly type: 'trail'; readonly index: number };

export type FromWorker =
  | { readonly type: 'ready' }
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
