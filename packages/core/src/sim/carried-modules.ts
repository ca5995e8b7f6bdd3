/**
 * Modules a search worker carries in its bundle, by the URL a recipe names them with. A
 * worker runs from one esbuild bundle (worker-bundle.ts): it starts in milliseconds and
 * needs no TypeScript loader, but it cannot import a TypeScript file at run time, so the
 * modules its recipe names are bundled in and looked up here first.
 */
const carried = new Map<string, Record<string, unknown>>();

/** Registers a bundled module under the URL recipes use for it. */
export function carryModule(url: string, namespace: Record<string, unknown>): void {
  carried.set(url, namespace);
}

/** The module at `url`: the carried one if the bundle holds it, imported otherwise. */
export async function importModule(url: string): Promise<Record<string, unknown>> {
  return carried.get(url) ?? ((await import(url)) as Record<string, unknown>);
}
