import { HOUR } from '../sim/clock.ts';
import type { DnsChange } from './failover.ts';

/** One point of the time series, for tests, diagrams and slides. */
export interface NlbSample {
  /** End of the sample interval (ms since 19 Oct 00:00 PDT). */
  readonly time: number;
  /** Share of the NLB's nodes in Route 53's answer at `time` (1 = all). */
  readonly publishedCapacity: number;
  /** Lowest published share at any second of the interval. */
  readonly minPublishedCapacity: number;
  /** Mean fraction of client connections that failed during the interval. */
  readonly errorRate: number;
  /**
   * Of `errorRate`, the share of all connections that failed only because AZ failover had
   * withdrawn capacity from DNS: the error rate minus what it would have been with every
   * AZ published. The rest failed at targets out of service or without their network.
   */
  readonly errorFromFailover: number;
  /** Withdrawals and restores during the interval. */
  readonly dnsChanges: number;
  /** Withdrawals and restores in the hour up to `time`. */
  readonly dnsChangesLastHour: number;
  /** Per AZ, in configured order: fraction of targets in service at `time`. */
  readonly azHealthy: readonly number[];
  /** Per AZ: whether Route 53's answer includes the AZ's node at `time`. */
  readonly azInAnswer: readonly boolean[];
  /** Mean health-check latency during the interval (a timed-out check counts as the timeout). */
  readonly checkLatencyMs: number;
  /** Fraction of the interval's health checks that timed out. */
  readonly checkTimeoutRate: number;
  /** Instances still waiting for their network state, all AZs. */
  readonly unpropagated: number;
  /** Whether automatic AZ failover was on at `time`. */
  readonly automaticFailover: boolean;
}

/** The interval's figures that are accumulated every second. */
export interface TickFigures {
  readonly publishedCapacity: number;
  readonly errorRate: number;
  readonly errorRateAllPublished: number;
}

/** Collects per-second figures and cuts them into samples. */
export class Sampler {
  readonly samples: NlbSample[] = [];
  #ticks = 0;
  #errorSum = 0;
  #failoverErrorSum = 0;
  #minPublished = Infinity;
  #changesSeen = 0;
  #hourStart = 0;

  constructor(readonly changes: readonly DnsChange[]) {}

  tick(figures: TickFigures): void {
    this.#ticks++;
    this.#errorSum += figures.errorRate;
    this.#failoverErrorSum += Math.max(0, figures.errorRate - figures.errorRateAllPublished);
    this.#minPublished = Math.min(this.#minPublished, figures.publishedCapacity);
  }

  /** Closes the interval at `now` with the point-in-time figures. */
  sample(now: number, rest: Omit<NlbSample, 'time' | 'minPublishedCapacity' | 'errorRate' | 'errorFromFailover' | 'dnsChanges' | 'dnsChangesLastHour'>): void {
    const changes = this.changes;
    while (this.#hourStart < changes.length && (changes[this.#hourStart] as DnsChange).time <= now - HOUR) this.#hourStart++;
    this.samples.push({
      time: now,
      ...rest,
      minPublishedCapacity: Math.min(this.#minPublished, rest.publishedCapacity),
      errorRate: this.#ticks > 0 ? this.#errorSum / this.#ticks : 0,
      errorFromFailover: this.#ticks > 0 ? this.#failoverErrorSum / this.#ticks : 0,
      dnsChanges: changes.length - this.#changesSeen,
      dnsChangesLastHour: changes.length - this.#hourStart,
    });
    this.#changesSeen = changes.length;
    this.#ticks = 0;
    this.#errorSum = 0;
    this.#failoverErrorSum = 0;
    this.#minPublished = Infinity;
  }
}

/** A run's figures over a window of time, for assertions and captions. */
export interface NlbSummary {
  readonly minPublishedCapacity: number;
  readonly maxErrorRate: number;
  readonly meanErrorRate: number;
  /** Most withdrawals and restores within any one hour of the window. */
  readonly maxDnsChangesPerHour: number;
  readonly dnsChanges: number;
}

/** Summarises the samples and DNS changes with times in [from, until]. */
export function summarizeNlb(
  run: { readonly samples: readonly NlbSample[]; readonly dnsChanges: readonly DnsChange[] },
  window: { readonly from: number; readonly until: number },
): NlbSummary {
  const samples = run.samples.filter((s) => s.time > window.from && s.time <= window.until);
  const changes = run.dnsChanges.filter((c) => c.time >= window.from && c.time <= window.until);
  let maxPerHour = 0;
  for (let first = 0, last = 0; last < changes.length; last++) {
    while ((changes[first] as DnsChange).time <= (changes[last] as DnsChange).time - HOUR) first++;
    maxPerHour = Math.max(maxPerHour, last - first + 1);
  }
  return {
    minPublishedCapacity: samples.reduce((min, s) => Math.min(min, s.minPublishedCapacity), 1),
    maxErrorRate: samples.reduce((max, s) => Math.max(max, s.errorRate), 0),
    meanErrorRate: samples.length > 0 ? samples.reduce((sum, s) => sum + s.errorRate, 0) / samples.length : 0,
    maxDnsChangesPerHour: maxPerHour,
    dnsChanges: changes.length,
  };
}
