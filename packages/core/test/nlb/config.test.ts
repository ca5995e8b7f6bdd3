import { describe, expect, it } from 'vitest';
import { ConfigError, calmNlb, pdt, runNlbScenario, type FailoverPolicy, type NlbScenario } from '../../src/index.ts';

const short: NlbScenario = { ...calmNlb, endMs: calmNlb.startMs + 60_000 };
const run = (scenario: NlbScenario, seed = 1) => () => runNlbScenario(scenario, { seed });

describe('NLB scenarios are validated where they enter', () => {
  it.each<[string, NlbScenario, RegExp]>([
    ['a negative check interval', { ...short, healthCheck: { ...short.healthCheck, intervalMs: -30_000 } }, /^healthCheck\.intervalMs: -30000 ms is below 1000 ms/],
    ['a NaN timeout', { ...short, healthCheck: { ...short.healthCheck, timeoutMs: Number.NaN } }, /^healthCheck\.timeoutMs: NaN is not a number/],
    ['an interval in fractions of a second', { ...short, healthCheck: { ...short.healthCheck, intervalMs: 1500 } }, /^healthCheck\.intervalMs: 1500 ms is not a whole number of seconds \(valid: a multiple of 1000 ms\)/],
    ['an answered check slower than the timeout', { ...short, healthCheck: { ...short.healthCheck, answeredCheckMs: 20_000 } }, /^healthCheck\.answeredCheckMs: 20000 ms is not shorter than the timeout/],
    ['a failure in an AZ the NLB does not have', { ...short, failures: [{ az: 'us-east-1d', at: short.startMs }] }, /^failures\[0\]\.az: "us-east-1d" is not one of the NLB's AZs \(valid: us-east-1a, us-east-1b, us-east-1c\)/],
    ['an AZ listed twice', { ...short, azs: ['us-east-1a', 'us-east-1a', 'us-east-1c'] }, /^azs\[1\]: "us-east-1a" is listed twice/],
    ['a single AZ', { ...short, azs: ['us-east-1a'] }, /^azs: a list of 1 has the wrong number of AZs \(valid: a list of 2 to 6 AZ names\)/],
    ['a threshold above 1', { ...short, failover: { ...short.failover, threshold: 80 } }, /^failover\.threshold: 80 is above 1 \(valid: a fraction from 0 to 1\)/],
    ['an end before the start', { ...short, endMs: short.startMs - 1 }, /^endMs: .* is below/],
    ['operators switching failover back on before they switched it off', { ...short, failover: { ...short.failover, disabled: [{ from: pdt('09:36', 20), until: pdt('09:00', 20) }] } }, /^failover\.disabled\[0\]\.until: .* is below/],
    ['launch steps out of order', { ...short, network: { ...short.network, launchesPerAzPerHour: [{ from: 10, perHour: 1 }, { from: 5, perHour: 2 }] } }, /^network\.launchesPerAzPerHour\[1\]\.from: 5 ms is below 10 ms/],
    ['a negative propagation delay', { ...short, network: { ...short.network, propagationDelay: [{ at: 0, delayMs: -1 }] } }, /^network\.propagationDelay\[0\]\.delayMs: -1 ms is below 0 ms/],
    ['a pass chance of 150%', { ...short, network: { ...short.network, unpropagatedAnswerChance: 1.5 } }, /^network\.unpropagatedAnswerChance: 1\.5 is above 1/],
    ['no targets', { ...short, targetsPerAz: 0 }, /^targetsPerAz: 0 is below 1/],
  ])('%s is refused with one line naming the field', (_what, scenario, message) => {
    expect(run(scenario)).toThrow(ConfigError);
    expect(run(scenario)).toThrow(message);
  });

  it('a seed that is not a whole number is refused', () => {
    expect(run(short, 1.5)).toThrow(/^seed: 1\.5 is not a whole number/);
  });

  it('a policy that names an AZ the NLB does not have is refused', () => {
    const typo: FailoverPolicy = { decide: () => ['us-east-1z'] };
    expect(() => runNlbScenario(short, { seed: 1, policy: () => typo })).toThrow(/^policy: decided to withdraw "us-east-1z", which is not one of the NLB's AZs \(valid: us-east-1a, us-east-1b, us-east-1c\)/);
  });

  it('a propagation delay source that returns nonsense is refused', () => {
    const launching: NlbScenario = { ...short, network: { ...short.network, launchesPerAzPerHour: [{ from: 0, perHour: 36_000 }] } };
    expect(() => runNlbScenario(launching, { seed: 1, propagationDelay: () => Number.NaN })).toThrow(/^propagationDelay: returned NaN for a launch at/);
  });
});
