import type { RegionMinute, RegionNight } from './run.ts';

export type RegionService = 'dynamodb' | 'ec2Launches' | 'ec2Network' | 'nlb';

export interface ServiceImpact {
  readonly service: RegionService;
  readonly label: string;
  /** For chart legends. */
  readonly short: string;
  /** How one minute counts, for tables' footnotes and the report. */
  readonly counts: string;
  /** The minute's impact minutes: 1 when everything failed (for the NLB, per load balancer). */
  of(minute: RegionMinute): number;
  /** The minute's share affected, from 0 to 1, for charts (for the NLB, the worst load balancer's). */
  share(minute: RegionMinute): number;
}

/**
 * Customer-visible impact, per service. An impact minute is a minute in which everything
 * failed; a minute in which a tenth of the requests failed counts as a tenth. New
 * instances' connectivity is a yes or no per minute: the model knows how long they waited,
 * not how many waited.
 */
export const REGION_SERVICES: readonly ServiceImpact[] = [
  {
    service: 'dynamodb',
    label: 'DynamoDB API errors',
    short: 'DynamoDB errors',
    counts: 'share of requests that found no address for the regional endpoint',
    of: (m) => m.dynamoErrorRate,
    share: (m) => m.dynamoErrorRate,
  },
  {
    service: 'ec2Launches',
    label: 'EC2 launch failures',
    short: 'EC2 launch failures',
    counts: 'share of launch attempts refused (no droplet with a lease, or throttled)',
    of: (m) => m.launchFailureRate,
    share: (m) => m.launchFailureRate,
  },
  {
    service: 'ec2Network',
    label: 'new EC2 instances without network',
    short: 'new instances without network',
    counts: 'whole minutes in which new instances waited over 10 minutes for their network state',
    of: (m) => (m.newInstancesLackNetwork ? 1 : 0),
    share: (m) => (m.newInstancesLackNetwork ? 1 : 0),
  },
  {
    service: 'nlb',
    label: 'NLB connection errors',
    short: 'NLB errors (worst load balancer)',
    counts: "each load balancer's share of connections that failed, added over the Region's load balancers (one load balancer failing every connection for a minute counts 1)",
    of: (m) => m.nlbFailedLoadBalancers,
    share: (m) => m.nlbWorstErrorRate,
  },
];

export type ImpactMinutes = Readonly<Record<RegionService, number>>;

/** Impact minutes per service over the whole night, to a tenth of a minute. */
export function impactMinutes(night: Pick<RegionNight, 'minutes'>): ImpactMinutes {
  const totals: Record<RegionService, number> = { dynamodb: 0, ec2Launches: 0, ec2Network: 0, nlb: 0 };
  for (const minute of night.minutes) for (const s of REGION_SERVICES) totals[s.service] += s.of(minute);
  for (const s of REGION_SERVICES) totals[s.service] = Math.round(totals[s.service] * 10) / 10;
  return totals;
}
