import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_DNS_CONFIG, createDnsModel, ordinaryNight, type DnsConfig } from '../../src/index.ts';

const bad = (change: Record<string, unknown>) => () => createDnsModel({ ...DEFAULT_DNS_CONFIG, ...change } as DnsConfig);

describe('DNS configuration is validated where it enters', () => {
  it.each([
    [{ apiLatencyMs: -5 }, /^apiLatencyMs: -5 ms is below 0 ms/],
    [{ plannerPeriodMs: Number.NaN }, /^plannerPeriodMs: NaN is not a number/],
    [{ enactors: [] }, /^enactors: no Enactors/],
    [{ enactors: ['az1', 'az9'] }, /^enactors\[1\]: "az9" is not known \(valid: az1, az2, az3\)/],
    [{ cleanupThreshold: 0 }, /^cleanupThreshold: 0 is below 1/],
    [{ endpoints: [] }, /^endpoints: no endpoints/],
    [{ faults: [{ point: 'enactor.lock', enactor: 'az1', from: 10, until: 5 }] }, /^faults\[0\]\.until: 5 ms is below 10 ms/],
  ])('%o is refused with one clear line', (change, message) => {
    expect(bad(change)).toThrow(ConfigError);
    expect(bad(change)).toThrow(message);
  });

  it('the scenario API refuses bad durations and times', () => {
    expect(() => ordinaryNight().plannerPeriod('soon')).toThrow(/plannerPeriod: "soon" is not a duration/);
    expect(() => ordinaryNight().slowEnactor('az1', { from: '23:10', until: '24:10' })).toThrow(/out of range/);
    expect(() => ordinaryNight().cleanupThreshold(0)).toThrow(/cleanupThreshold/);
  });
});
