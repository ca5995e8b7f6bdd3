import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE, summarizeNlb, type DnsChange, type NlbSample } from '../../src/index.ts';

const change = (time: number): DnsChange => ({ time, az: 'us-east-1a', change: 'withdrawn', by: 'failover' });
const sample = (time: number, minPublishedCapacity: number, errorRate: number): NlbSample => ({
  time,
  publishedCapacity: minPublishedCapacity,
  minPublishedCapacity,
  errorFromFailover: 0,
  errorRate,
  dnsChanges: 0,
  dnsChangesLastHour: 0,
  azHealthy: [],
  azInAnswer: [],
  checkLatencyMs: 0,
  checkTimeoutRate: 0,
  unpropagated: 0,
  automaticFailover: true,
});

describe('summarizeNlb', () => {
  it('finds the busiest hour of DNS changes with a sliding window, not fixed clock hours', () => {
    // Three changes at 0:50-0:59 and two at 1:00-1:05: five within one hour, never more than three in a clock hour.
    const times = [50, 55, 59, 60, 65].map((m) => m * MINUTE);
    const summary = summarizeNlb({ samples: [], dnsChanges: times.map(change) }, { from: 0, until: 3 * HOUR });
    expect(summary.maxDnsChangesPerHour).toBe(5);
    const spread = summarizeNlb({ samples: [], dnsChanges: [0, 61, 122].map((m) => change(m * MINUTE)) }, { from: 0, until: 3 * HOUR });
    expect(spread.maxDnsChangesPerHour).toBe(1);
  });

  it('reads only the window it is given', () => {
    const samples = [sample(MINUTE, 1, 0), sample(2 * MINUTE, 1 / 3, 0.5), sample(3 * MINUTE, 1, 0.1)];
    const all = summarizeNlb({ samples, dnsChanges: [] }, { from: 0, until: 3 * MINUTE });
    expect(all).toMatchObject({ minPublishedCapacity: 1 / 3, maxErrorRate: 0.5 });
    expect(all.meanErrorRate).toBeCloseTo(0.2, 10);
    const last = summarizeNlb({ samples, dnsChanges: [] }, { from: 2 * MINUTE, until: 3 * MINUTE });
    expect(last).toMatchObject({ minPublishedCapacity: 1, maxErrorRate: 0.1 });
  });
});
