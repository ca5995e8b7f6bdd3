import { describe, expect, it } from 'vitest';
import { Rng, calmNlb } from '../../src/index.ts';
import { HealthChecker } from '../../src/nlb/health-checks.ts';
import { TargetFleet } from '../../src/nlb/targets.ts';

const config = { ...calmNlb.healthCheck, intervalMs: 10_000, checkersPerAz: 2 };

/** One AZ of `perAz` targets, the first `propagating` of them new and not yet propagated. */
function setUp(perAz: number, propagating: number, answerChance = 0.5) {
  const fleet = new TargetFleet(1, perAz);
  for (let slot = 0; slot < propagating; slot++) fleet.replace(slot, false);
  return { fleet, checker: new HealthChecker(fleet, config, answerChance, new Rng(7)) };
}

describe('the health-check subsystem', () => {
  it('gets slower as checks of unanswering instances pile up in flight', () => {
    const quiet = setUp(100, 0);
    const busy = setUp(100, 20, 0);
    quiet.checker.tick(0);
    busy.checker.tick(0);
    expect(busy.checker.waitMs(0), 'checks of instances that never answer hold checkers for the whole timeout').toBeGreaterThan(quiet.checker.waitMs(0) * 10);
  });

  it('counts a check that waits past its timeout as a failure, even for a healthy target', () => {
    // Every target is re-checked at once, four times in a row: far more work than two checkers can do in time.
    const { fleet, checker } = setUp(1000, 200, 0);
    for (let tick = 0; tick < 4; tick++) {
      checker.recheckAz(0);
      checker.tick(tick);
    }
    const stats = checker.takeStats();
    expect(stats.timeouts, 'the backlog makes checks time out').toBeGreaterThan(200 * 4);
    // The 200 new instances never answer and were never in service: every target in service is an established one.
    expect(fleet.healthy[0], 'established targets, which answer every check, were taken out of service by timeouts').toBeLessThan(800);
  });

  it('makes a still-propagating instance flap: in service, out, and in again', () => {
    const fleet = new TargetFleet(1, 1);
    fleet.replace(0, false);
    const checker = new HealthChecker(fleet, { ...config, healthyThreshold: 2, unhealthyThreshold: 2 }, 0.5, new Rng(3));
    const states: number[] = [];
    for (let tick = 0; tick < 10 * 600; tick += 10) {
      checker.tick(tick);
      states.push(fleet.healthy[0] as number);
    }
    const changes = states.filter((s, i) => i > 0 && s !== states[i - 1]).length;
    expect(changes, 'an instance that answers half of its checks keeps changing state').toBeGreaterThan(10);
    fleet.propagate(0, fleet.generationOf(0));
    for (let tick = 6000; tick < 6100; tick += 10) checker.tick(tick);
    expect(fleet.healthy[0], 'once its network state has propagated it stays in service').toBe(1);
  });
});
