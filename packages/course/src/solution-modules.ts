/**
 * Where the solutions registry's Enactor lives, for searches that rebuild it in worker
 * threads: a class cannot cross threads, a module URL can. Node only, and kept out of
 * solutions.ts because the decks' live player bundles that module for the browser, where
 * import.meta.url is empty and a top-level `new URL` would stop the whole bundle. It
 * imports nothing from solutions/; solutions.ts stays the one module that does.
 */
export function fixedEnactorModule(): string {
  return new URL('../../../solutions/02-generation-checks/src/enactor.ts', import.meta.url).href;
}
