import { describe, expect, it } from 'vitest';
import { ConfigError, october2025Region, pdt, runRegion, validateRegionConfig, type RegionConfig } from '../../src/index.ts';

function refused(config: RegionConfig): string {
  try {
    validateRegionConfig(config);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return 'accepted';
}

describe('a Region config is refused where it enters, in one line naming the field', () => {
  it('accepts october2025Region', () => {
    expect(refused(october2025Region)).toBe('accepted');
  });

  it("names the Region's own fields", () => {
    expect(refused({ ...october2025Region, clients: { ...october2025Region.clients, count: 0 } })).toBe('clients.count: 0 is below 1 (valid: a whole number ≥ 1)');
    expect(refused({ ...october2025Region, endMs: pdt('22:00') })).toMatch(/^endMs: .* is below/);
    expect(refused({ ...october2025Region, operators: { ...october2025Region.operators, nlbFailoverOnAt: pdt('09:00', 20) } })).toMatch(/^operators\.nlbFailoverOnAt: /);
  });

  it("names a model's field with the Region's prefix", () => {
    expect(refused({ ...october2025Region, ec2: { ...october2025Region.ec2, fleetSize: 0 } })).toBe('ec2.fleetSize: 0 is below 1 (valid: a whole number ≥ 1)');
    expect(refused({ ...october2025Region, nlb: { ...october2025Region.nlb, targetsPerAz: 1.5 } })).toMatch(/^nlb\.targetsPerAz: /);
    expect(refused({ ...october2025Region, dns: { ...october2025Region.dns, config: { ...october2025Region.dns.config, startMs: pdt('23:30') } } })).toMatch(
      /^dns\.config\.startMs: starts after the Region/,
    );
    expect(refused({ ...october2025Region, ec2: { ...october2025Region.ec2, sampleMs: 30_000 } })).toBe('ec2.sampleMs: is 30000 ms (valid: 60000 ms: the Region reads one sample a minute)');
  });

  it('runRegion checks before it runs anything', () => {
    expect(() => runRegion({ ...october2025Region, seed: -1 })).toThrow('seed: -1 is below 0');
  });
});
