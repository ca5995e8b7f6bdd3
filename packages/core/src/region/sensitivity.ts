import type { PhaseSpan } from '../ec2/phases.ts';
import { renderTornado } from '../render/svg/tornado.ts';
import type { RegionConfig } from './config.ts';
import { AWS_REGION_PHASES, REGION_PHASE_NAMES, detectRegionPhases, type RegionPhaseName } from './phases.ts';
import type { DnsNight } from './dns-night.ts';
import { runRegion } from './run.ts';

/** A parameter the sweep moves, and how to set it in a config. */
export interface SensitivityParameter {
  readonly name: string;
  readonly get: (config: RegionConfig) => number;
  readonly set: (config: RegionConfig, value: number) => RegionConfig;
}

const ec2 = (config: RegionConfig, change: (e: RegionConfig['ec2']) => RegionConfig['ec2']): RegionConfig => ({ ...config, ec2: change(config.ec2) });

/**
 * The parameters of the composed night that were fitted or chosen with a phase in view
 * (CALIBRATION.md). The DNS model's are left out: moving them changes whether the race
 * happens at all for a seed, which the race-odds sweep measures instead.
 */
export const SENSITIVITY_PARAMETERS: readonly SensitivityParameter[] = [
  {
    name: 'clients.negativeTtlMs',
    get: (c) => c.clients.negativeTtlMs,
    set: (c, v) => ({ ...c, clients: { ...c.clients, negativeTtlMs: v } }),
  },
  { name: 'ec2.lease.ttlMaxMs', get: (c) => c.ec2.lease.ttlMaxMs, set: (c, v) => ec2(c, (e) => ({ ...e, lease: { ...e.lease, ttlMaxMs: v } })) },
  {
    name: 'ec2.dwfm.leasesPerDropletHour',
    get: (c) => c.ec2.dwfm.leasesPerDropletHour,
    set: (c, v) => ec2(c, (e) => ({ ...e, dwfm: { ...e.dwfm, leasesPerDropletHour: v } })),
  },
  {
    name: 'ec2.operators.restartDiscardFraction',
    get: (c) => c.ec2.operators.restartDiscardFraction,
    set: (c, v) => ec2(c, (e) => ({ ...e, operators: { ...e.operators, restartDiscardFraction: Math.min(1, v) } })),
  },
  {
    name: 'ec2.operators.launchRequestsPerDropletHour',
    get: (c) => c.ec2.operators.launchRequestsPerDropletHour,
    set: (c, v) => ec2(c, (e) => ({ ...e, operators: { ...e.operators, launchRequestsPerDropletHour: v } })),
  },
  {
    name: 'ec2.launches.perDropletHour',
    get: (c) => c.ec2.launches.perDropletHour,
    set: (c, v) => ec2(c, (e) => ({ ...e, launches: { ...e.launches, perDropletHour: v } })),
  },
  {
    name: 'ec2.networkManager.elevatedLatencyMs',
    get: (c) => c.ec2.networkManager.elevatedLatencyMs,
    set: (c, v) => ec2(c, (e) => ({ ...e, networkManager: { ...e.networkManager, elevatedLatencyMs: v } })),
  },
  ...['heavy', 'moderate'].map(
    (tier): SensitivityParameter => ({
      name: `nlbFleet.${tier}.launchScale`,
      get: (c) => c.nlbFleet.tiers.find((t) => t.name === tier)?.launchScale ?? 0,
      set: (c, v) => ({ ...c, nlbFleet: { ...c.nlbFleet, tiers: c.nlbFleet.tiers.map((t) => (t.name === tier ? { ...t, launchScale: v } : t)) } }),
    }),
  ),
];

/** How one parameter, lowered and raised, moved every phase's duration (as a share of AWS's). */
export interface SensitivityRow {
  readonly parameter: string;
  readonly value: number;
  /** Per phase: model duration change ÷ AWS duration, at −step and at +step; null when the phase vanished. */
  readonly low: Readonly<Record<RegionPhaseName, number | null>>;
  readonly high: Readonly<Record<RegionPhaseName, number | null>>;
}

function durations(config: RegionConfig, dnsNight?: DnsNight): { readonly spans: Record<RegionPhaseName, number | null>; readonly dns: DnsNight } {
  const night = runRegion(config, dnsNight === undefined ? {} : { dnsNight });
  const phases = detectRegionPhases(night);
  const out = {} as Record<RegionPhaseName, number | null>;
  for (const name of REGION_PHASE_NAMES) {
    const span: PhaseSpan | null = phases[name];
    out[name] = span === null ? null : span.endMs - span.startMs;
  }
  return { spans: out, dns: night.dns };
}

/**
 * Moves each parameter by ±`step` (a fraction: 0.25 is ±25%) with all others at their
 * calibrated values, and reports how far each phase's duration moved, as a share of
 * AWS's duration for that phase. Two nights per parameter.
 */
export function sensitivitySweep(config: RegionConfig, options: { readonly step?: number; readonly parameters?: readonly SensitivityParameter[] } = {}): SensitivityRow[] {
  const step = options.step ?? 0.25;
  // None of the parameters touches the DNS model, so its night is run once and reused.
  const { spans: base, dns } = durations(config);
  const relative = (moved: Record<RegionPhaseName, number | null>): Record<RegionPhaseName, number | null> => {
    const out = {} as Record<RegionPhaseName, number | null>;
    for (const name of REGION_PHASE_NAMES) {
      const before = base[name];
      const after = moved[name];
      const aws = AWS_REGION_PHASES[name];
      out[name] = before === null || after === null ? null : (after - before) / (aws.endMs - aws.startMs);
    }
    return out;
  };
  return (options.parameters ?? SENSITIVITY_PARAMETERS).map((p) => {
    const value = p.get(config);
    return {
      parameter: p.name,
      value,
      low: relative(durations(p.set(config, value * (1 - step)), dns).spans),
      high: relative(durations(p.set(config, value * (1 + step)), dns).spans),
    };
  });
}

/** The phase a row moved most (a vanished phase counts as the largest move). */
export function mostMoved(row: SensitivityRow): { readonly phase: RegionPhaseName; readonly low: number; readonly high: number } {
  let best: { phase: RegionPhaseName; low: number; high: number; size: number } = { phase: REGION_PHASE_NAMES[0] as RegionPhaseName, low: 0, high: 0, size: -1 };
  for (const phase of REGION_PHASE_NAMES) {
    const low = row.low[phase] ?? -1;
    const high = row.high[phase] ?? -1;
    const size = Math.max(Math.abs(low), Math.abs(high));
    if (size > best.size) best = { phase, low, high, size };
  }
  return best;
}

/** The tornado chart: per parameter, the phase it moves most, at −step and +step. */
export function drawSensitivityTornado(rows: readonly SensitivityRow[], step = 0.25): string {
  const pct = Math.round(step * 100);
  return renderTornado({
    title: `Which parameter moves which phase: each at −${pct}% and +${pct}%, the phase it moves most`,
    xLabel: "change of that phase's duration, as a share of AWS's duration (%)",
    lowLabel: `parameter −${pct}%`,
    highLabel: `parameter +${pct}%`,
    formatX: (x) => `${Math.round(x * 100)}%`,
    bars: rows.map((r) => {
      const m = mostMoved(r);
      return { label: r.parameter, note: AWS_REGION_PHASES[m.phase].label.split(':')[0]?.split(',')[0] ?? m.phase, low: m.low, high: m.high };
    }),
  });
}

/** The sweep as plain text: one line per parameter, every phase that moved by 5% or more. */
export function formatSensitivity(rows: readonly SensitivityRow[]): string {
  return rows
    .map((r) => {
      const moved = REGION_PHASE_NAMES.flatMap((phase) => {
        const low = r.low[phase];
        const high = r.high[phase];
        const show = (x: number | null): string => (x === null ? 'gone' : `${x >= 0 ? '+' : '−'}${Math.abs(Math.round(x * 100))}%`);
        if (low !== null && high !== null && Math.max(Math.abs(low), Math.abs(high)) < 0.05) return [];
        return [`${phase} ${show(low)}/${show(high)}`];
      });
      return `${r.parameter.padEnd(44)} ${moved.length === 0 ? 'moves no phase by 5%' : moved.join(', ')}`;
    })
    .join('\n');
}
