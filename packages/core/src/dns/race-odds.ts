import { ConfigError, check } from '../config-error.ts';
import type { Invariant, Model } from '../sim/model.ts';
import { runModel } from '../sim/run.ts';
import type { DnsScenario } from './scenario.ts';
import { IPV6_ENDPOINT, REGIONAL_ENDPOINT, type Az, type DnsConfig, type Fault } from './config.ts';
import { createDnsModel } from './model.ts';
import type { Route53 } from './route53.ts';
import type { DnsWorld } from './world.ts';

/** What one seeded night did to the regional endpoint. */
export interface RaceNight {
  readonly seed: number;
  /** Whether `dynamodb.us-east-1.amazonaws.com` ended up answering no addresses. */
  readonly regionalEmpty: boolean;
  /** Every endpoint that went empty (the blast radius), in walk order. */
  readonly emptied: readonly string[];
  /** How long after its freshness check the slow Enactor wrote the regional endpoint (null if it never did). */
  readonly regionalWriteDelayMs: number | null;
  readonly steps: number;
}

/** How often the slow Enactor's first delayed pass empties the regional endpoint, with a 95% Wilson interval. */
export interface RaceOdds {
  readonly nights: number;
  readonly regionalEmpty: number;
  readonly probability: number;
  readonly interval: readonly [number, number];
  /** Nights in which the regional endpoint and its IPv6 twin, and nothing else, went empty. */
  readonly pairOnly: number;
  /** Mean time from the slow Enactor's freshness check to its regional write, over the nights it made one. */
  readonly meanDelayMs: number;
}

/** The degraded Enactor of a scenario: the one with a probabilistic `enactor.lock` fault. */
function slowEnactor(config: DnsConfig): { readonly az: Az; readonly from: number } {
  const fault = config.faults.find((f): f is Extract<Fault, { point: 'enactor.lock' }> => f.point === 'enactor.lock' && f.chance !== undefined);
  if (fault === undefined) throw new ConfigError('faults', 'no degraded Enactor (an enactor.lock fault with a chance)', 'a scenario built with degradedEnactor(), such as october2025');
  return { az: fault.enactor, from: fault.from };
}

/**
 * One night of a scenario, cut to what decides the race in the slow Enactor's first
 * delayed pass (the plan it picks up once its delays begin; the October race came in that
 * pass). It starts when the delays begin (what came before is an ordinary night and
 * changes nothing but generation numbers) and stops as soon as the outcome is known. A
 * night whose delays go on pass after pass gets another draw each pass, so these odds are
 * per pass, the lower bound for such a night:
 * - an endpoint went empty: the system is wedged from the first empty endpoint on, so
 *   the blast radius is final (no Enactor that reaches it ever cleans up again);
 * - or the slow Enactor's delayed pass has moved past the regional pair and neither
 *   endpoint still points at its plan (a newer plan overwrote them: no clean-up can hurt);
 * - or the pass ended, or `horizonMs` passed.
 * The operators are left out: they come hours later.
 */
export function raceNight(scenario: DnsScenario, seed: number, horizonMs = 3_600_000): RaceNight {
  const slow = slowEnactor(scenario.config);
  const config: DnsConfig = { ...scenario.config, startMs: slow.from, operator: [] };
  const base = createDnsModel(config);
  const index = config.enactors.indexOf(slow.az);
  const endpoints = config.endpoints;
  const regional = endpoints.findIndex((e) => e.name === REGIONAL_ENDPOINT);
  const twin = endpoints.findIndex((e) => e.name === IPV6_ENDPOINT);
  const last = Math.max(regional, twin);
  let passGeneration: number | null = null;
  let regionalWriteDelayMs: number | null = null;
  // The zone's answers change only when a batch commits, and most steps of a night commit
  // none (reads, lost batches, freshness checks, the Planner): they are re-read only after
  // one that did, which was a quarter of what a night cost.
  let zone: Route53 | null = null;
  let seenVersion = 0;
  let anyEmpty = false;
  let regionalTarget: string | undefined;
  let twinTarget: string | undefined;
  const reread = (route53: Route53): void => {
    if (route53 === zone && route53.version === seenVersion) return;
    zone = route53;
    seenVersion = route53.version;
    anyEmpty = endpoints.some((e) => route53.resolve(e.name, e.type).length === 0);
    regionalTarget = route53.get(REGIONAL_ENDPOINT, 'ALIAS')?.value;
    twinTarget = route53.get(IPV6_ENDPOINT, 'ALIAS')?.value;
  };
  const decided: Invariant<DnsWorld> = {
    name: 'race-decided',
    description: 'the delayed pass can no longer empty the regional endpoint',
    kind: 'safety',
    check(world) {
      const me = world.enactors[index];
      if (me === undefined) return 'no slow Enactor';
      if (passGeneration === null && me.plan !== null) passGeneration = me.plan.generation;
      if (passGeneration === null) return null;
      reread(world.route53);
      if (anyEmpty) return 'an endpoint is empty';
      const passOver = me.plan?.generation !== passGeneration;
      const pastPair = passOver || me.endpoint > last;
      const prefix = `plan-${passGeneration}.`;
      const atRisk = regionalTarget?.startsWith(prefix) === true || twinTarget?.startsWith(prefix) === true;
      return pastPair && !atRisk ? 'the pass can no longer empty it' : null;
    },
  };
  const model: Model<DnsWorld, DnsWorld> = {
    ...base,
    // The world itself is the observation: the check above reads only what it needs.
    observe(world, at) {
      const me = world.enactors[index];
      if (regionalWriteDelayMs === null && passGeneration !== null && me?.plan?.generation === passGeneration && me.endpoint > regional) {
        regionalWriteDelayMs = at - me.checkedAt;
      }
      return world;
    },
  };
  const run = runModel(model, { seed, untilMs: slow.from + horizonMs, trace: false, invariants: [decided] });
  const emptied = endpoints.filter((e) => run.world.route53.resolve(e.name, e.type).length === 0).map((e) => e.name);
  return { seed, regionalEmpty: emptied.includes(REGIONAL_ENDPOINT), emptied, regionalWriteDelayMs, steps: run.steps };
}

/** The 95% Wilson score interval for `k` successes in `n` trials. */
export function wilsonInterval(k: number, n: number): [number, number] {
  if (n === 0) return [0, 1];
  const z = 1.959964;
  const p = k / n;
  const denominator = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denominator;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** Tallies nights into odds: callers may run the nights in parallel and add them up here. */
export function tallyRaceNights(nights: readonly RaceNight[]): RaceOdds {
  const empty = nights.filter((n) => n.regionalEmpty).length;
  const pairOnly = nights.filter((n) => n.emptied.length === 2 && n.regionalEmpty && n.emptied.includes(IPV6_ENDPOINT)).length;
  const delays = nights.flatMap((n) => (n.regionalWriteDelayMs === null ? [] : [n.regionalWriteDelayMs]));
  return {
    nights: nights.length,
    regionalEmpty: empty,
    probability: nights.length === 0 ? 0 : empty / nights.length,
    interval: wilsonInterval(empty, nights.length),
    pairOnly,
    meanDelayMs: delays.length === 0 ? 0 : delays.reduce((a, b) => a + b, 0) / delays.length,
  };
}

/**
 * The probability that a night empties the regional endpoint: `nights` seeded nights of
 * the scenario, seeds `firstSeed`, `firstSeed + 1`, … Deterministic: the same arguments
 * give the same odds.
 */
export function raceOdds(scenario: DnsScenario, options: { readonly nights: number; readonly firstSeed?: number }): RaceOdds {
  const nights = check.integerAtLeast('nights', options.nights, 1);
  const first = check.integerAtLeast('firstSeed', options.firstSeed ?? 1, 0);
  const results: RaceNight[] = [];
  for (let seed = first; seed < first + nights; seed++) results.push(raceNight(scenario, seed));
  return tallyRaceNights(results);
}
