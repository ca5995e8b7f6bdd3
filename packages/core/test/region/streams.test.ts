import { describe, expect, it } from 'vitest';
import { STREAM_NAMES, october2025Ec2, october2025Region, runEc2Scenario, runRegion, streamSeed } from '../../src/index.ts';

/** A guard against a hang, not a speed check: two whole nights of the Region. */
const NIGHTS_BUDGET_MS = 120_000;

describe('one seed, a derived stream per component', () => {
  it('derives a distinct stream for every component from the one seed, the DNS model on the seed itself', () => {
    const seeds = STREAM_NAMES.map((name) => streamSeed(20251351, name));
    expect(new Set(seeds).size, `streams ${STREAM_NAMES.join(', ')} got seeds ${seeds.join(', ')}`).toBe(STREAM_NAMES.length);
    expect(streamSeed(20251351, 'dns'), "the Region's DNS night is lesson 01's october2025 night").toBe(20251351);
    expect(streamSeed(20251352, 'nlb.launches')).not.toBe(streamSeed(20251351, 'nlb.launches'));
    expect(streamSeed(7, 'ec2.dwfm', { 'ec2.dwfm': 99 })).toBe(99);
    expect(() => streamSeed(7, 'ec2.dwfm', { 'ec2.dwfm': -1 })).toThrow(/streams\.ec2\.dwfm/);
  });

  it("changing the NLB health checks' stream leaves DNS, DynamoDB's clients and EC2 drawing exactly as before", () => {
    const base = runRegion(october2025Region);
    const other = runRegion(october2025Region, { streams: { 'nlb.health-checks': 12345 } });
    expect(other.dns.answers).toEqual(base.dns.answers);
    expect(other.minutes.map((m) => m.dynamoErrorRate)).toEqual(base.minutes.map((m) => m.dynamoErrorRate));
    expect(other.ec2.samples).toEqual(base.ec2.samples);
    const timeouts = (night: typeof base): number[][] => night.nlb.tiers.map((t) => t.run.samples.map((s) => s.checkTimeoutRate));
    expect(timeouts(other), 'the override reached the health checks').not.toEqual(timeouts(base));
  }, NIGHTS_BUDGET_MS);

  it("changing Network Manager's stream leaves DWFM's leases drawing exactly as before", () => {
    const base = runEc2Scenario(october2025Ec2, { seed: 3 });
    const other = runEc2Scenario(october2025Ec2, { seed: 3, streams: { 'ec2.network-manager': 777 } });
    expect(other.samples.map((s) => s.leased)).toEqual(base.samples.map((s) => s.leased));
    expect(other.samples.map((s) => s.queueLength)).toEqual(base.samples.map((s) => s.queueLength));
    expect(other.samples.map((s) => s.propagationLatencyMs), 'the override reached Network Manager').not.toEqual(base.samples.map((s) => s.propagationLatencyMs));
  });
});
