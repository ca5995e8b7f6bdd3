import { ordinaryNight, type DnsScenario } from '@outage-lab/core';

/**
 * Part A: script the race.
 *
 * `ordinaryNight()` is 19 October 2025 from 23:00 as it should have gone: the DNS
 * Planner publishes a plan every minute, three DNS Enactors (az1, az2, az3) apply each
 * one to every endpoint and clean up plans many generations old. Nothing breaks.
 *
 * You cannot touch Route 53. You can only shape *when things happen*:
 *   .slowEnactor('az1', { from: '23:10', until: '23:30' })  az1's lock acquisitions fail
 *                                                          in that window; it backs off
 *   .plannerPeriod('60s')          how often a new plan is published
 *   .cleanupThreshold(10)          clean-up deletes plans this many generations older
 *   .otherEndpoints(4)             endpoints besides the regional one and its IPv6 twin
 *   .runUntil('23:59')             how long the night lasts
 *   .seed(1)                       which latencies the night gets
 *
 * Read README.md first: it explains the window the race needs.
 */
export const myRace: DnsScenario = ordinaryNight()
  .named('my-race', 'my reproduction of the 23:48 race')
  // TODO(lesson 01): the endpoint went empty where a late write of an old plan and a
  // clean-up met. Which Enactor must fall behind, from when until when, so that its
  // write lands after a newer plan and just before the clean-up that deletes its own?
  // And how long must the night run for you to see that nothing can repair it?
  .runUntil('23:59')
  .value;
