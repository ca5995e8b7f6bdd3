import { ordinaryNight, type DnsScenario } from '@outage-lab/core';

/**
 * Part A: az1 picks up a plan at 23:10 and checks its freshness once; its lock
 * acquisitions then fail until 23:47:01 while az2 and az3 keep applying newer plans and
 * cleaning up. With 100 other endpoints, az2 needs several seconds to work through
 * gen 147 after writing the regional endpoint; az1's late write of its old plan lands in
 * those seconds, and az2's clean-up then deletes that old plan: the endpoint is empty.
 */
export const myRace: DnsScenario = ordinaryNight()
  .named('my-race', 'my reproduction of the 23:48 race')
  .cleanupThreshold(10)
  .slowEnactor('az1', { from: '23:10', until: '23:47:01' })
  .runUntil('23:59')
  .value;
