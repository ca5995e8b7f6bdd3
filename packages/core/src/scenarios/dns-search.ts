import type { DnsConfig } from '../dns/config.ts';
import type { EnactorProgram } from '../dns/enactor-steps.ts';
import { DNS_INVARIANTS, regionalEndpointResolves } from '../dns/invariants.ts';
import { createDnsModel } from '../dns/model.ts';
import type { DnsObservation } from '../dns/observe.ts';
import type { DnsWorld } from '../dns/world.ts';
import type { Searchable } from '../sim/parallel-protocol.ts';
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

/** This module, for a parallel search's recipe: `{ module: DNS_SEARCH_MODULE, export: 'dnsSearch', args }`. */
export const DNS_SEARCH_MODULE: string = import.meta.url;

/**
 * Builds a DNS search from plain data; `exploreInParallel` calls it in every worker
 * (`{ module: import.meta.url of this file, export: 'dnsSearch', args }`).
 */
export async function dnsSearch(args: DnsSearchArgs): Promise<Searchable<DnsWorld, DnsObservation>> {
  let enactor: EnactorProgram | undefined;
  if (args.enactorModule !== undefined) {
    const module = (await import(args.enactorModule)) as Record<string, unknown>;
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
