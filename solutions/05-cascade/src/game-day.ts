import { REGION_SERVICES, formatHourMinute, impactMinutes, type ImpactMinutes, type RegionNight, type RegionService } from '@outage-lab/core';

/**
 * Lesson 05: game-day checks. A game day replays a bad night on purpose and asks whether
 * the fixes hold. Each check looks at what the simulator produced and returns `null` when
 * the night passes, or one sentence saying what went wrong, in the incident's words.
 *
 * What you can read:
 * - `night.minutes`: one `RegionMinute` per minute of the night, with `time` (ms since
 *   19 Oct 00:00 PDT; `formatHourMinute(time)` prints it) and `dynamoErrorRate`, the share
 *   of DynamoDB requests that failed that minute;
 * - `impactMinutes(night)` from `@outage-lab/core`: impact minutes per service
 *   (`dynamodb`, `ec2Launches`, `ec2Network`, `nlb`). A minute in which everything
 *   failed counts 1, a minute in which a tenth failed counts 0.1;
 * - `REGION_SERVICES` from `@outage-lab/core`: each service's `label` for messages.
 */

/** Game day 1: with every fix in, the race of 23:50 must not cost DynamoDB a single failed request. */
export function dynamoUntouched(night: RegionNight): string | null {
  // Any failed request counts, not only whole minutes: a game day is about zero.
  const failing = night.minutes.filter((m) => m.dynamoErrorRate > 0);
  const first = failing[0];
  if (first === undefined) return null;
  const last = failing[failing.length - 1] ?? first;
  return (
    `DynamoDB requests failed from ${formatHourMinute(first.time)} to ${formatHourMinute(last.time)}: ` +
    `${impactMinutes(night).dynamodb} impact minutes, because clients found no address for the regional endpoint`
  );
}

/**
 * Game day 2: a set of fixes must at least halve the impact minutes of each of `services`,
 * compared with the night as it happened.
 */
export function atLeastHalved(asItHappened: ImpactMinutes, withFixes: ImpactMinutes, services: readonly RegionService[]): string | null {
  const short = services
    .filter((service) => withFixes[service] > asItHappened[service] / 2)
    .map((service) => {
      const label = REGION_SERVICES.find((s) => s.service === service)?.label ?? service;
      return `${label}: ${withFixes[service]} impact minutes with the fixes against ${asItHappened[service]} as it happened`;
    });
  return short.length === 0 ? null : `not halved: ${short.join('; ')}`;
}
