import type { DnsConfig } from '../dns/config.ts';
import type { EnactorProgram } from '../dns/enactor-steps.ts';
import { DNS_INVARIANTS, regionalEndpointResolves } from '../dns/invariants.ts';
import { createDnsModel } from '../dns/model.ts';
import type { DnsObservation } from '../dns/observe.ts';
import type { DnsWorld } from '../dns/world.ts';
import { importModule } from '../sim/carried-modules.ts';
import type { ModelRecipe, Searchable } from '../sim/parallel-protocol.ts';
import { smallScopeConfig } from './dns.ts';

/** A size of the exhaustive DNS configuration: the night had 3 Enactors and the regional endpoint with its IPv6 twin. */
export interface DnsScope {
  readonly enactors: 2 | 3;
  readonly endpoints: 1 | 2;
  readonly plans: number;
}

/** What a parallel-search worker needs to rebuild the same DNS search: plain data only. */
export interface DnsSearchArgs {
  /** The configuration, or the size of the small-scope one. */
  readonly scope?: DnsScope;
  readonly config?: DnsConfig;
  readonly name: string;
  /** `all`: every DNS invariant; `regional`: only "the regional endpoint resolves"; or a list of DNS invariants' names. */
  readonly invariants: 'all' | 'regional' | readonly string[];
  /** A module (file:// URL) exporting an Enactor class, e.g. lesson 02's; the faithful Enactor when absent. */
  readonly enactorModule?: string;
  readonly enactorExport?: string;
}

/** The night's real size, for `npm run explore` and the bench. */
export const REAL_SCOPE: DnsScope = { enactors: 3, endpoints: 2, plans: 6 };

/** A parallel search's recipe for `dnsSearch`: this module, and the Enactor's module for the workers to carry. */
export function dnsSearchRecipe(args: DnsSearchArgs): ModelRecipe {
  return { module: import.meta.url, export: 'dnsSearch', args, imports: args.enactorModule === undefined ? [] : [args.enactorModule] };
}

/**
 * Builds a DNS search from plain data; `exploreInParallel` calls it in every worker
 * (see `dnsSearchRecipe`).
 */
export async function dnsSearch(args: DnsSearchArgs): Promise<Searchable<DnsWorld, DnsObservation>> {
  let enactor: EnactorProgram | undefined;
  if (args.enactorModule !== undefined) {
    const module = await importModule(args.enactorModule);
    const Enactor = module[args.enactorExport ?? 'DnsEnactor'];
    if (typeof Enactor !== 'function') throw new Error(`${args.enactorModule} exports no Enactor class ${args.enactorExport ?? 'DnsEnactor'}`);
    enactor = Reflect.construct(Enactor, []) as EnactorProgram;
  }
  const config = args.config ?? smallScopeConfig(args.scope ?? REAL_SCOPE);
  const model = createDnsModel(config, { name: args.name, ...(enactor === undefined ? {} : { enactor }) });
  const wanted = args.invariants;
  const invariants = wanted === 'all' ? DNS_INVARIANTS : wanted === 'regional' ? [regionalEndpointResolves] : DNS_INVARIANTS.filter((i) => wanted.includes(i.name));
  return { model, invariants };
}
