import { MINUTE, formatHourMinute, pdt } from '../sim/clock.ts';
import { streamSeed } from '../streams.ts';
import type { RegionConfig } from './config.ts';
import { startDnsNight } from './dns-night.ts';
import { AWS_REGION_PHASES, REGION_PHASE_NAMES, detectRegionPhases, type RegionPhaseName, type RegionPhases } from './phases.ts';
import { regionDnsScenario, runRegion } from './run.ts';

/** AWS's race: DynamoDB API errors began at 23:48 (brief). */
export const AWS_RACE_AT = pdt('23:48');

/**
 * When the regional endpoint first answered with no addresses in the Region's DNS night for
 * `seed`, or null if it had not by `untilMs` (default: the operators' repair, after which
 * the automation is off and no race can happen). The same DNS night `runRegion` runs, cut
 * at the race.
 */
export function raceTime(config: RegionConfig, seed: number, untilMs = config.operators.dnsRepairAt): number | null {
  return startDnsNight(regionDnsScenario(config), { seed: streamSeed(seed, 'dns') }).runUntilEmpty(untilMs);
}

/** The 10th, 50th and 90th percentiles (nearest rank). */
export interface Spread {
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
}

export function spread(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
  return { p10: at(0.1), p50: at(0.5), p90: at(0.9) };
}

export interface PhaseEdges {
  readonly phase: RegionPhaseName;
  readonly label: string;
  /** Nights in which the phase happened at all. */
  readonly happened: number;
  readonly start: Spread | null;
  readonly end: Spread | null;
}

/** How configured nights race, and how the Region's phases spread over nights that race near AWS's time. */
export interface NightDistribution {
  /** Seeds whose whole DNS night (to the repair) was run to count the race share. */
  readonly nightsCounted: number;
  /** Of those, nights whose regional endpoint went empty before the repair. */
  readonly nightsRaced: number;
  readonly raceShare: number;
  /** When those nights raced. */
  readonly raceTimes: Spread | null;
  /** Seeds looked at to find the sample (each DNS night cut at the window's end). */
  readonly seedsTried: number;
  /** Nights whose race fell within the window of AWS's 23:48, each run whole. */
  readonly seedsSampled: number;
  readonly windowMs: number;
  readonly phases: readonly PhaseEdges[];
}

/** What one seed's night gave: when it raced, and its phases when it raced near AWS's time. */
export interface SeedNight {
  readonly seed: number;
  /** When the regional endpoint went empty (null: not by the time the night was cut). */
  readonly raceAt: number | null;
  /** Whether the DNS night was run to the repair (counted for the race share). */
  readonly counted: boolean;
  /** The whole night's phases, for nights whose race fell in the window. */
  readonly phases: Readonly<Record<RegionPhaseName, { readonly startMs: number; readonly endMs: number } | null>> | null;
}

export interface SeedRange {
  /** Seeds `from` (included) to `to` (excluded). */
  readonly from: number;
  readonly to: number;
  /** Seeds below this are run to the repair and counted for the race share; the rest are cut at the window's end. */
  readonly countBelow: number;
  readonly windowMs: number;
}

/**
 * Every seed of a range: its race time, and for a race within ±`windowMs` of 23:48 the
 * whole night (the four models) and its phases. Pure in the seeds, so ranges can run on
 * separate threads and be joined in seed order.
 */
export function seedNights(config: RegionConfig, range: SeedRange, onSeed?: (done: number) => void): SeedNight[] {
  const from = AWS_RACE_AT - range.windowMs;
  const to = AWS_RACE_AT + range.windowMs;
  const scenario = regionDnsScenario(config);
  const out: SeedNight[] = [];
  for (let seed = range.from; seed < range.to; seed++) {
    const counted = seed < range.countBelow;
    const night = startDnsNight(scenario, { seed: streamSeed(seed, 'dns') });
    const raceAt = night.runUntilEmpty(counted ? config.operators.dnsRepairAt : to);
    const inWindow = raceAt !== null && raceAt >= from && raceAt <= to;
    // A night kept goes on from where its race was found: its DNS night is not run twice.
    const phases = inWindow ? detectRegionPhases(runRegion({ ...config, seed }, { dnsNight: night.finish() })) : null;
    out.push({ seed, raceAt, counted, phases });
    onSeed?.(seed - range.from + 1);
  }
  return out;
}

/**
 * Seeds `from` to `to` as one distribution: the share of counted nights that race before
 * the repair, and when; each phase edge over the nights that race within the window, as a
 * median and a 10–90% range.
 */
export function nightDistribution(nights: readonly SeedNight[], windowMs: number): NightDistribution {
  const counted = nights.filter((n) => n.counted);
  const races = counted.flatMap((n) => (n.raceAt === null ? [] : [n.raceAt]));
  const sampled = nights.flatMap((n) => (n.phases === null ? [] : [n.phases]));
  return {
    nightsCounted: counted.length,
    nightsRaced: races.length,
    raceShare: counted.length === 0 ? 0 : races.length / counted.length,
    raceTimes: spread(races),
    seedsTried: nights.length,
    seedsSampled: sampled.length,
    windowMs,
    phases: REGION_PHASE_NAMES.map((phase) => {
      const spans = sampled.flatMap((p) => (p[phase] === null ? [] : [p[phase]]));
      return { phase, label: AWS_REGION_PHASES[phase].label, happened: spans.length, start: spread(spans.map((x) => x.startMs)), end: spread(spans.map((x) => x.endMs)) };
    }),
  };
}

/** The distribution beside AWS's times and the canonical seed's night, one phase a line. */
export function formatDistribution(d: NightDistribution, canonical: { readonly seed: number; readonly phases: RegionPhases }): string {
  const hm = (ms: number | undefined): string => (ms === undefined ? '  —  ' : formatHourMinute(ms));
  const edge = (s: Spread | null): string => (s === null ? 'never'.padEnd(19) : `${hm(s.p50)} (${hm(s.p10)}–${hm(s.p90)})`);
  const width = Math.max(...d.phases.map((p) => p.label.length));
  const lines = d.phases.map((p) => {
    const aws = AWS_REGION_PHASES[p.phase];
    const mine = canonical.phases[p.phase];
    const seen = p.happened === d.seedsSampled ? '' : `  in ${p.happened} of ${d.seedsSampled} nights`;
    return `${p.label.padEnd(width)}  AWS ${hm(aws.startMs)}–${hm(aws.endMs)}  start ${edge(p.start)}  end ${edge(p.end)}  seed ${canonical.seed}: ${mine === null ? 'never' : `${hm(mine.startMs)}–${hm(mine.endMs)}`}${seen}`;
  });
  const minutes = Math.round(d.windowMs / MINUTE);
  const times = d.raceTimes === null ? '' : `, at ${hm(d.raceTimes.p50)} (10–90%: ${hm(d.raceTimes.p10)}–${hm(d.raceTimes.p90)})`;
  return [
    `Race share of configured nights (az1 degraded 23:40–02:25): ${d.nightsRaced} of ${d.nightsCounted} seeds (${Math.round(d.raceShare * 100)}%) empty the regional endpoint before the repair${times}.`,
    `Phase edges over ${d.seedsSampled} nights whose race falls within ±${minutes} min of AWS's 23:48 (of ${d.seedsTried} seeds tried): median (10–90%); seed ${canonical.seed} is one sample, a typical racing night chosen for teaching.`,
    ...lines,
  ].join('\n');
}

/**
 * Seeds `first` to `last`: the first tenth are run to the repair for the race share, every
 * one is looked at for a race within ten minutes of 23:48.
 */
export function seedRange(first: number, last: number): SeedRange {
  return { from: first, to: last + 1, countBelow: first + Math.ceil((last + 1 - first) / 10), windowMs: 10 * MINUTE };
}

/**
 * The seeds the replay and the bench sample: the first 400 are run to the repair for the
 * race share (±4 points at 95%); 4,000 in all give a little over 200 nights that race
 * within ten minutes of 23:48 (about one seed in sixteen does).
 */
export const DISTRIBUTION_SEEDS: SeedRange = seedRange(1, 4000);
