import type { Rng } from '../sim/rng.ts';

/**
 * Rounds a flow (droplets per tick, launches per tick) to a whole number, up with the
 * probability of its fraction. Counts stay whole, so every droplet is accounted for, and
 * small fleets still see fractional rates on average.
 */
export function roundRandom(x: number, rng: Rng): number {
  const whole = Math.floor(x);
  const fraction = x - whole;
  return fraction > 0 && rng.float() < fraction ? whole + 1 : whole;
}
