import { ConfigError } from '../config-error.ts';
import type { RegionConfig } from './config.ts';
import { FIX_NAMES, pickFixes, type FixName, type RegionFixes } from './fixes.ts';
import { REGION_SERVICES, impactMinutes, type ImpactMinutes } from './impact.ts';
import { runRegion, type RegionNight, type RegionStage } from './run.ts';

/** One way the night could have gone: which fixes were in place. */
export interface RegionVariant {
  readonly name: string;
  readonly label: string;
  readonly fixes: readonly FixName[];
}

export const AS_IT_HAPPENED: RegionVariant = { name: 'october', label: 'as it happened', fixes: [] };

/** The night as it happened, each fix alone, and all of them: what each fix buys. */
export const STANDARD_VARIANTS: readonly RegionVariant[] = [
  AS_IT_HAPPENED,
  { name: 'dns', label: 'DNS fix only', fixes: ['dns'] },
  { name: 'nlb', label: 'NLB fix only', fixes: ['nlb'] },
  { name: 'ec2', label: 'EC2 fix only', fixes: ['ec2'] },
  { name: 'all', label: 'all three fixes', fixes: FIX_NAMES },
];

/** A variant for any set of fixes: `[]` is the night as it happened. */
export function variantOf(fixes: readonly FixName[]): RegionVariant {
  const ordered = FIX_NAMES.filter((f) => fixes.includes(f));
  fixes.forEach((f, i) => {
    if (!FIX_NAMES.includes(f)) throw new ConfigError(`fixes[${i}]`, `${JSON.stringify(f)} is not a fix`, FIX_NAMES.join(', '));
  });
  const known = STANDARD_VARIANTS.find((v) => v.fixes.length === ordered.length && v.fixes.every((f) => ordered.includes(f)));
  if (known !== undefined) return known;
  return { name: ordered.join('+'), label: `${ordered.map((f) => f.toUpperCase()).join(' + ')} fixes`, fixes: ordered };
}

export interface VariantOutcome {
  readonly variant: RegionVariant;
  readonly night: RegionNight;
  readonly impact: ImpactMinutes;
}

/**
 * Runs the same night once per variant, with the fixes each switches on. `onProgress`
 * hears the overall progress (0 to 1) and the variant and model running now.
 */
export function runVariants(
  config: RegionConfig,
  fixes: Required<RegionFixes>,
  variants: readonly RegionVariant[] = STANDARD_VARIANTS,
  onProgress?: (fraction: number, variant: RegionVariant, stage: RegionStage) => void,
): VariantOutcome[] {
  return variants.map((variant, i) => {
    const night = runRegion(config, {
      fixes: pickFixes(fixes, variant.fixes),
      onProgress: (f, stage) => onProgress?.((i + f) / variants.length, variant, stage),
    });
    return { variant, night, impact: impactMinutes(night) };
  });
}

/** Impact minutes per service (rows) and variant (columns), as plain text. */
export function formatImpactTable(outcomes: readonly VariantOutcome[]): string {
  const labelWidth = Math.max(...REGION_SERVICES.map((s) => s.label.length), 'impact minutes'.length);
  const widths = outcomes.map((o) => Math.max(o.variant.label.length, 8));
  const header = ['impact minutes'.padEnd(labelWidth), ...outcomes.map((o, i) => o.variant.label.padStart(widths[i] as number))].join('  ');
  const rows = REGION_SERVICES.map((s) =>
    [s.label.padEnd(labelWidth), ...outcomes.map((o, i) => formatMinutes(o.impact[s.service]).padStart(widths[i] as number))].join('  '),
  );
  return [header, '─'.repeat(header.length), ...rows].join('\n');
}

function formatMinutes(minutes: number): string {
  return minutes === 0 ? '0' : minutes < 10 ? minutes.toFixed(1) : String(Math.round(minutes));
}
