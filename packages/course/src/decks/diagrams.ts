import { ConfigError, STANDARD_VARIANTS, check, drawCumulativeImpact, drawVariantImpact, october2025Region, runVariants, simDiagram, type VariantOutcome } from '@outage-lab/core';
import { referenceFixes } from '../solutions.ts';

/**
 * The cascade deck's diagrams that need the lessons' fixes. The core's registry cannot
 * draw them (the core never imports a lesson), so a deck build that wants them passes
 * this function as its diagram source; every other name goes to the core's registry.
 */
const FIX_DIAGRAMS: Readonly<Record<string, { readonly description: string; draw(outcomes: readonly VariantOutcome[]): string }>> = {
  'october2025-fixes': { description: 'impact minutes of every service added up over the night, per variant', draw: drawCumulativeImpact },
  'october2025-fixes-dynamodb': { description: 'DynamoDB API errors per variant', draw: (o) => drawVariantImpact(o, 'dynamodb') },
  'october2025-fixes-ec2': { description: 'EC2 launch failures per variant', draw: (o) => drawVariantImpact(o, 'ec2Launches') },
  'october2025-fixes-network': { description: 'new EC2 instances without network per variant', draw: (o) => drawVariantImpact(o, 'ec2Network') },
  'october2025-fixes-nlb': { description: 'NLB connection errors per variant', draw: (o) => drawVariantImpact(o, 'nlb') },
};

export const FIX_DIAGRAM_NAMES: readonly string[] = Object.keys(FIX_DIAGRAMS);

let last: { readonly seed: number; readonly outcomes: readonly VariantOutcome[] } | null = null;

/** Draws a named diagram: the fix diagrams here, any other from the core's registry. */
export function replayDiagrams(name: string, options: { readonly seed: number }): string {
  const entry = FIX_DIAGRAMS[name];
  if (entry === undefined) {
    try {
      return simDiagram(name, options);
    } catch (error) {
      if (error instanceof ConfigError && error.field === 'sim') throw new ConfigError('sim', error.problem, `${error.valid}, ${FIX_DIAGRAM_NAMES.join(', ')}`);
      throw error;
    }
  }
  check.integerAtLeast('seed', options.seed, 0);
  // The five nights are shared by every fix diagram of one deck.
  if (last === null || last.seed !== options.seed) {
    last = { seed: options.seed, outcomes: runVariants({ ...october2025Region, seed: options.seed }, referenceFixes(), STANDARD_VARIANTS) };
  }
  return entry.draw(last.outcomes);
}
