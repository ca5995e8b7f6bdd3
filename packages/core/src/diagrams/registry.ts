import { ConfigError, check } from '../config-error.ts';
import { drawDnsAnswers } from './dns-answers.ts';
import { drawDnsRace } from './dns-race.ts';
import { drawDwfmGoodput } from './dwfm-goodput.ts';
import { drawNlbCapacity } from './nlb-capacity.ts';
import { drawRaceOdds } from './race-odds.ts';
import { drawDependents, drawRegionNight } from '../region/charts.ts';
import { october2025Region } from '../scenarios/region.ts';
import { runRegion } from '../region/run.ts';

/** Draws one diagram from a simulator run; the same seed gives the same SVG. */
export interface DiagramEntry {
  readonly description: string;
  draw(options: { readonly seed: number }): string;
}

/** Names usable in a deck's ```sim <name>``` fence; only models that exist are listed. */
const REGISTRY: ReadonlyMap<string, DiagramEntry> = new Map<string, DiagramEntry>([
  ['october2025', { description: 'the DNS race as a sequence diagram: stale freshness check, stale write, deletion, wedge, repair', draw: ({ seed }) => drawDnsRace(seed) }],
  ['october2025-answers', { description: 'addresses in the answer for the regional endpoint over the night', draw: ({ seed }) => drawDnsAnswers(seed) }],
  ['october2025-dwfm', { description: 'DWFM goodput against throughput: congestive collapse and the throttled recovery', draw: ({ seed }) => drawDwfmGoodput(seed) }],
  ['october2025-nlb', { description: 'NLB capacity in DNS and connection errors on 20 October', draw: ({ seed }) => drawNlbCapacity(seed) }],
  ['race-odds', { description: 'how often a night empties the regional endpoint, against the slow Enactor’s delay and the Planner’s period', draw: ({ seed }) => drawRaceOdds(seed) }],
  ['october2025-dependents', { description: 'Lambda, STS, IAM sign-in and Redshift: AWS’s impact windows beside the model’s', draw: ({ seed }) => drawDependents(runRegion({ ...october2025Region, seed })) }],
  ['october2025-region', { description: 'the cascade: every service’s impact through the night, with the operators’ actions', draw: ({ seed }) => drawRegionNight(runRegion({ ...october2025Region, seed })) }],
]);

export function diagramNames(): string[] {
  return [...REGISTRY.keys()].sort();
}

export function describeDiagram(name: string): string | undefined {
  return REGISTRY.get(name)?.description;
}

/**
 * Runs the named scenario and draws it. An unknown name is a ConfigError that lists the
 * names that exist, so a typo in a deck reads as one clear line.
 */
export function simDiagram(name: string, options: { readonly seed: number }): string {
  const entry = REGISTRY.get(name);
  if (entry === undefined) {
    const names = diagramNames();
    throw new ConfigError('sim', `no diagram named ${JSON.stringify(name)}`, names.length > 0 ? names.join(', ') : 'none registered yet');
  }
  check.integerAtLeast('seed', options.seed, 0);
  return entry.draw(options);
}
