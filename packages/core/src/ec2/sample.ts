/** The EC2 model's metrics for one sample window, ending at `time`. Rates are per second. */
export interface Ec2Sample {
  /** End of the window (ms since 19 Oct 00:00 PDT). */
  readonly time: number;
  readonly dynamoAvailable: boolean;
  /** Droplets holding a lease: the ones that can take launches. */
  readonly leased: number;
  /** Leases that ran out during the window. */
  readonly leasesLost: number;
  /** Lease attempts waiting in DWFM's queue. */
  readonly queueLength: number;
  /** Droplets without a lease that were turned away or dropped and will ask again. */
  readonly backingOff: number;
  /** Leases re-established per second: attempts finished before their timeout. */
  readonly goodput: number;
  /** Lease attempts DWFM's hosts finished per second, in time or not. */
  readonly throughput: number;
  /** Attempts wasted (finished too late) during the window. */
  readonly wasted: number;
  /** Attempts the throttle dropped from DWFM's queue during the window. */
  readonly dropped: number;
  /** Lease requests the throttle turned away during the window. */
  readonly rejected: number;
  /** Accepted launches ÷ launch attempts in the window (1 when nobody tried). */
  readonly launchSuccessRate: number;
  readonly launchAttempts: number;
  /** Launches callers still want. */
  readonly pendingLaunches: number;
  /** Network-state propagations waiting in Network Manager. */
  readonly propagationBacklog: number;
  /**
   * Longest time a propagation that finished in the window had waited for its network
   * state; when none finished, the age of the oldest waiting one.
   */
  readonly propagationLatencyMs: number;
  /**
   * For instances launched in this window: the longest time until their network state
   * propagated (filled in when the run ends; null when nothing launched). What the NLB
   * model needs: an instance launched at `time` has connectivity this long after.
   */
  readonly connectivityDelayMs: number | null;
}

/**
 * How long an instance launched at `timeMs` waited for connectivity, by linear
 * interpolation over the windows in which something launched. Before the first and after
 * the last such window, the nearest value.
 */
export function propagationDelayAt(samples: readonly Ec2Sample[], timeMs: number): number {
  let before: Ec2Sample | undefined;
  for (const sample of samples) {
    if (sample.connectivityDelayMs === null) continue;
    if (sample.time >= timeMs) {
      if (before === undefined || before.connectivityDelayMs === null) return sample.connectivityDelayMs;
      const share = (timeMs - before.time) / (sample.time - before.time);
      return before.connectivityDelayMs + share * (sample.connectivityDelayMs - before.connectivityDelayMs);
    }
    before = sample;
  }
  return before?.connectivityDelayMs ?? 0;
}

/** The connectivity delays as points `{ at, delayMs }`, the shape the NLB scenario takes as its propagation input. */
export function propagationDelayPoints(samples: readonly Ec2Sample[]): { at: number; delayMs: number }[] {
  const points: { at: number; delayMs: number }[] = [];
  for (const s of samples) if (s.connectivityDelayMs !== null) points.push({ at: s.time, delayMs: s.connectivityDelayMs });
  return points;
}
