import {
  REGIONAL_ENDPOINT,
  alias,
  buildPlan,
  leafRecords,
  ordinaryNight,
  planSetName,
  rollbackName,
  type Change,
  type DnsConfig,
  type DnsWorld,
} from '@outage-lab/core';

/**
 * The start states of lesson 02's nights that are not the october2025 night. They are
 * built here, not in core: they exist to judge a fix.
 */

/** An ordinary night that starts wedged: the regional endpoint's active set is gone, as after 23:48. */
export function wedgedStart(world: DnsWorld): void {
  const set = world.route53.get(REGIONAL_ENDPOINT, 'ALIAS')?.value ?? '';
  const deleted = world.route53.changeResourceRecordSets(world.route53.recordsAt(set).map((record) => ({ action: 'DELETE' as const, record })));
  if (!deleted.ok) throw new Error(`could not set up the wedge: ${deleted.reason}`);
}

export const LAGGING_ENDPOINT = 'dynamodb-fips.us-east-1.amazonaws.com';
export const LAG = { from: 100, to: 130 } as const;

/** Threshold 10; the Planner goes on publishing a plan a minute until 23:30. */
export const cleanupNightConfig: DnsConfig = ordinaryNight().cleanupThreshold(10).stopPlannerAt('23:30').value.config;

/**
 * An endpoint that lags further behind than cleanupThreshold plans: the FIPS endpoint
 * still serves gen 100 while every other endpoint serves gen 130 (its batches kept
 * failing for half an hour), and enactor-az1, which has just written gen 130 everywhere
 * else, is about to clean up.
 */
export function laggingStart(world: DnsWorld): void {
  const config = world.config;
  for (let g = LAG.from + 1; g <= LAG.to; g++) world.plans.put(buildPlan(config, world.seed, g, config.startMs - (LAG.to - g) * 60_000));
  const plan = world.plans.get(LAG.to);
  if (plan === undefined) throw new Error('could not set up the lagging night: plan missing');
  const changes: Change[] = [];
  for (const endpoint of config.endpoints) {
    if (endpoint.name === LAGGING_ENDPOINT) continue;
    const set = planSetName(endpoint.name, LAG.to);
    changes.push(...leafRecords(endpoint, set, plan).map((record): Change => ({ action: 'CREATE', record })));
    changes.push({ action: 'UPSERT', record: alias(endpoint.name, set) });
    changes.push({ action: 'UPSERT', record: alias(rollbackName(endpoint.name), set) });
    const old = planSetName(endpoint.name, LAG.from);
    changes.push(...world.route53.recordsAt(old).map((record): Change => ({ action: 'DELETE', record })));
  }
  const written = world.route53.changeResourceRecordSets(changes);
  if (!written.ok) throw new Error(`could not set up the lagging night: ${written.reason}`);
  const az1 = world.enactors[0];
  if (az1 === undefined) throw new Error('could not set up the lagging night: no Enactor');
  Object.assign(az1, { phase: 'cleanup', plan, endpoint: config.endpoints.length, lastApplied: LAG.to - 1, lastAttempted: LAG.to });
}

/** The endpoint the Region gains tonight: in the config, with no records in the zone yet. */
export const NEW_ENDPOINT = 'streams.dynamodb.us-east-1.amazonaws.com';

/** A night on which NEW_ENDPOINT has just been added: no root ALIAS, no rollback record, no set. */
export function newEndpoint(world: DnsWorld): void {
  if (!world.config.endpoints.some((e) => e.name === NEW_ENDPOINT)) throw new Error(`could not set up the new endpoint: ${NEW_ENDPOINT} is not in the config`);
  const records = [world.route53.get(NEW_ENDPOINT, 'ALIAS'), world.route53.get(rollbackName(NEW_ENDPOINT), 'ALIAS')].flatMap((r) => (r === undefined ? [] : [r]));
  const set = records[0]?.value;
  const all = [...records, ...(set === undefined ? [] : world.route53.recordsAt(set))];
  const deleted = world.route53.changeResourceRecordSets(all.map((record) => ({ action: 'DELETE' as const, record })));
  if (!deleted.ok) throw new Error(`could not set up the new endpoint: ${deleted.reason}`);
}
