import { describe, expect, it } from 'vitest';
import { ConfigError, october2025Ec2, runEc2Scenario, type Ec2Config, type Throttle } from '../../src/index.ts';

const run = (change: (c: Ec2Config) => unknown) => () => runEc2Scenario(change(october2025Ec2) as Ec2Config);

describe('EC2 configuration is validated where it enters', () => {
  it.each<[string, (c: Ec2Config) => unknown, RegExp]>([
    ['no droplets', (c) => ({ ...c, fleetSize: 0 }), /^fleetSize: 0 is below 1/],
    ['half a droplet', (c) => ({ ...c, fleetSize: 2.5 }), /^fleetSize: 2\.5 is not a whole number/],
    ['too many droplets', (c) => ({ ...c, fleetSize: 20_000_000 }), /^fleetSize: 20000000 droplets is too many \(valid: 1 to 10000000\)/],
    ['a negative tick', (c) => ({ ...c, tickMs: -10 }), /^tickMs: -10 ms is below 1 ms/],
    ['a tick too fine for the night', (c) => ({ ...c, tickMs: 1, sampleMs: 1000 }), /^tickMs: 1 ms makes \d+ ticks/],
    ['samples between ticks', (c) => ({ ...c, sampleMs: 15_000 }), /^sampleMs: 15000 ms is not a whole number of ticks/],
    ['the night ending before it starts', (c) => ({ ...c, endMs: c.startMs }), /^endMs: .* is not after startMs/],
    ['an outage that ends before it starts', (c) => ({ ...c, dynamoOutages: [{ fromMs: 10, toMs: 5 }] }), /^dynamoOutages\[0\]\.toMs: 5 is not after fromMs 10/],
    ['a NaN check interval', (c) => ({ ...c, lease: { ...c.lease, checkIntervalMs: Number.NaN } }), /^lease\.checkIntervalMs: NaN is not a number/],
    ['leases shorter than the check', (c) => ({ ...c, lease: { ...c.lease, ttlMinMs: 60_000 } }), /^lease\.ttlMinMs: 60000 ms is not longer than the state-check interval/],
    ['no lease classes', (c) => ({ ...c, lease: { ...c.lease, ttlClasses: 0 } }), /^lease\.ttlClasses: 0 is below 1/],
    ['DWFM without capacity', (c) => ({ ...c, dwfm: { ...c.dwfm, leasesPerDropletHour: 0 } }), /^dwfm\.leasesPerDropletHour: is 0 \(valid: a number above 0\)/],
    ['work longer than its timeout', (c) => ({ ...c, dwfm: { ...c.dwfm, serviceMs: 10 * 60_000 } }), /^dwfm\.serviceMs: 600000 ms leaves no time/],
    ['a negative launch rate', (c) => ({ ...c, launches: { ...c.launches, perDropletHour: -1 } }), /^launches\.perDropletHour: -1 is below 0/],
    ['a restart losing 150% of the work', (c) => ({ ...c, operators: { ...c.operators, restartDiscardFraction: 1.5 } }), /^operators\.restartDiscardFraction: 1\.5 is above 1/],
    ['a missing section', (c) => ({ ...c, networkManager: undefined }), /^networkManager: is missing or not an object/],
  ])('refuses %s with one clear line', (_name, change, message) => {
    expect(run(change)).toThrow(ConfigError);
    expect(run(change)).toThrow(message);
  });

  it('refuses a seed that is not a whole number', () => {
    expect(() => runEc2Scenario(october2025Ec2, { seed: 1.5 })).toThrow(/^seed: 1\.5 is not a whole number/);
  });

  it('names a throttle that admits more work than arrived', () => {
    const greedy: Throttle = { name: 'greedy', admit: (arriving) => arriving + 1, shouldDrop: () => false };
    expect(() => runEc2Scenario(october2025Ec2, { throttle: greedy })).toThrow(/^throttle "greedy"\.admit: answered \d+ for \d+ items arriving at the (dwfm|network-manager) queue/);
  });

  it('names a throttle that answers NaN', () => {
    const broken: Throttle = { name: 'broken', admit: () => Number.NaN, shouldDrop: () => false };
    expect(() => runEc2Scenario(october2025Ec2, { throttle: broken })).toThrow(/^throttle "broken"\.admit: answered NaN/);
  });

  it('runs fleets from one droplet to ten million', () => {
    const one = runEc2Scenario({ ...october2025Ec2, fleetSize: 1 }).samples.at(-1);
    expect(one && one.leased + one.queueLength + one.backingOff, 'the one droplet went missing').toBe(1);
    expect(runEc2Scenario({ ...october2025Ec2, fleetSize: 10_000_000 }).samples.at(-1)?.leased).toBe(10_000_000);
  });
});
