import { MINUTE, SECOND, pdt } from '../sim/clock.ts';
import type { Ec2Config } from '../ec2/config.ts';

/**
 * The EC2 side of the night of 19–20 October 2025, calibrated so that each phase the
 * model finds lands within ±15% of its duration in the brief's timeline (see
 * `AWS_EC2_PHASES` and the calibration test). "brief" marks a value taken from the
 * incident brief; "chosen" marks one AWS did not publish, picked for the reason given.
 */
export const october2025Ec2: Ec2Config = {
  name: 'october2025Ec2',
  // chosen: big enough for smooth curves, small enough for tests. Rates below are per
  // droplet, so the phases keep their timing at 1,000,000 droplets.
  fleetSize: 10_000,
  // brief: the night from just before the race (23:48) to the end of the event (14:20).
  startMs: pdt('23:00'),
  endMs: pdt('14:20', 20),
  // chosen: well below every duration that matters (the 5-minute attempt timeout).
  tickMs: 10 * SECOND,
  sampleMs: MINUTE,
  // brief: DynamoDB's regional endpoint had no addresses from 23:48 until the operators
  // restored the records at 02:25. (The 01:15 mitigations reached "some internal
  // services"; the brief does not say DWFM was one, so the model leaves them out.)
  dynamoOutages: [{ fromMs: pdt('23:48'), toMs: pdt('02:25', 20) }],
  lease: {
    // brief: "a state check every few minutes"; chosen: 5 minutes.
    checkIntervalMs: 5 * MINUTE,
    // ttlMinMs chosen; ttlMaxMs fitted to 02:24: the brief says leases timed out over the
    // whole outage, 23:48–02:24. Lifetimes spread from 10 to 155 minutes make the last
    // lease lapse just before 02:25.
    ttlMinMs: 10 * MINUTE,
    ttlMaxMs: 155 * MINUTE,
    // chosen: one class per 5 minutes of lifetime, so the fleet's leases run out smoothly.
    ttlClasses: 30,
  },
  dwfm: {
    // fitted to 05:28: DWFM re-leases the whole fleet in 70 minutes when nothing is wasted;
    // the brief's throttled recovery took 74 (04:14–05:28), including flushing stale work.
    leasesPerDropletHour: 60 / 70,
    // chosen: a lease attempt gives up after 5 minutes. DWFM then absorbs the lapse of up to
    // 7% of the fleet at once (what it drains in 5 minutes), while a whole-fleet queue (70
    // minutes to drain) collapses as the brief describes.
    attemptTimeoutMs: 5 * MINUTE,
    // chosen: a lease attempt's own work once a host picks it up.
    serviceMs: 5 * SECOND,
  },
  networkManager: {
    // chosen (the unit of the rates), with launches.perDropletHour and
    // operators.launchRequestsPerDropletHour fitted around it: the
    // backlog of launches that failed during the outage, admitted at the request throttle's
    // rate, outruns propagation from 05:28, pushes latency past 10 minutes near 06:21 and
    // drains by 10:36 (brief).
    propagationsPerDropletHour: 1,
    baseLatencyMs: 2 * SECOND,
    // chosen: a launch caller waits up to 5 minutes for its instance's network.
    timeoutMs: 5 * MINUTE,
    // fitted to 06:21 and 10:36: above 10 minutes a new instance visibly "lacks
    // connectivity"; the mark defines both edges.
    elevatedLatencyMs: 10 * MINUTE,
  },
  launches: {
    // fitted to 10:36: 70% of Network Manager's rate, so propagation keeps up in normal
    // times but has little spare capacity to drain a backlog (which is why it lasted until 10:36).
    perDropletHour: 0.7,
    // chosen: callers (people, auto scaling) retry a failed launch every 2 minutes.
    retryMs: 2 * MINUTE,
  },
  operators: {
    // brief: operators throttled incoming work and restarted DWFM hosts at 04:14.
    actAtMs: pdt('04:14', 20),
    // chosen: the cap keeps the queue to half of what DWFM drains within one timeout.
    dwfmQueueLimitFraction: 0.5,
    // fitted to the collapse's end (04:14) and recovery's end (05:28). The brief says
    // "some" hosts; this is heavy for a few hosts but it stands for all the stale work the
    // operators' actions flushed: hosts are pooled in the model, and in a collapsed queue
    // every attempt is already late (goodput zero), so what is dropped is work whose
    // caller has given up. At 0.5 the collapse runs on to 04:50, at 0.25 to 05:07.
    restartDiscardFraction: 0.9,
    // fitted to 06:21: launches hit request throttles from 05:28 (brief); the throttle
    // admits a little more than Network Manager can propagate.
    launchRequestsPerDropletHour: 1.2,
    // brief: EC2 request throttles relaxed at 11:23.
    relaxLaunchThrottleAtMs: pdt('11:23', 20),
  },
};
