import type { ImpactMinutes, RegionNight, RegionService } from '@outage-lab/core';

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
  // TODO(lesson 05): a game day is about zero failed requests. Which minutes of the night
  // tell you DynamoDB failed someone, even a few of them? When the night fails, what would
  // an engineer reading your one sentence need to know: which service, from when to when,
  // and how much?

  // What the Region had in October 2025: nobody was checking.
  return null;
}

/**
 * Game day 2: a set of fixes must at least halve the impact minutes of each of `services`,
 * compared with the night as it happened.
 */
export function atLeastHalved(asItHappened: ImpactMinutes, withFixes: ImpactMinutes, services: readonly RegionService[]): string | null {
  // TODO(lesson 05): which services were you asked about, and when has a fix set done
  // enough for one of them: at most half of its impact minutes as it happened? What about
  // a service that was never hit? When some fall short, does your sentence name every one
  // of them, with both figures, so that nobody has to re-run the night to find out?

  // What the Region had in October 2025: nobody was checking.
  return null;
}
