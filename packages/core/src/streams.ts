import { ConfigError } from './config-error.ts';
import { Rng } from './sim/rng.ts';

/**
 * Every random component of a night, by name. Each draws from its own stream derived
 * from the night's one seed (as TigerBeetle derives every component's PRNG from one
 * seed), so a change in how often one component draws leaves every other component's
 * draws as they were.
 *
 * The DNS model is the exception, by design: it draws from the seed itself, so that the
 * Region's DNS night for seed 20251351 is lesson 01's `october2025` night, draw for draw.
 * Its stream is still apart from the others': theirs are hashed from the seed and a name.
 */
export const STREAM_NAMES = ['dns', 'region.clients', 'ec2.dwfm', 'ec2.network-manager', 'nlb.launches', 'nlb.health-checks'] as const;

export type StreamName = (typeof STREAM_NAMES)[number];

/**
 * Seeds that replace a derived stream's, by name: an experiment may change one component's
 * draws and nothing else (`test/region/streams.test.ts` checks that it does).
 */
export type StreamOverrides = Readonly<Partial<Record<StreamName, number>>>;

/** FNV-1a of the name: the label `Rng.derive` takes, so that a stream is named, not numbered. */
export function streamLabel(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The seed of one component's stream: derived from the night's seed and the component's name, unless overridden. */
export function streamSeed(seed: number, name: StreamName, overrides: StreamOverrides = {}): number {
  const override = overrides[name];
  if (override !== undefined) {
    if (!Number.isInteger(override) || override < 0) throw new ConfigError(`streams.${name}`, `${String(override)} is not a seed`, 'a whole number ≥ 0');
    return override;
  }
  if (name === 'dns') return seed;
  return Rng.derive(seed, streamLabel(name)).seed >>> 0;
}

/** One component's stream. */
export function stream(seed: number, name: StreamName, overrides: StreamOverrides = {}): Rng {
  return new Rng(streamSeed(seed, name, overrides));
}
