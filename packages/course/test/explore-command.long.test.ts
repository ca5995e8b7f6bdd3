import { describe, it } from 'vitest';
import { LONG_ROUND_TRIPS, roundTrips } from './support/explore-round-trip.ts';

describe('explore: the long searches print replay strings that reproduce their failure', () => {
  // Up to 200 whole October nights under PCT: about 8 s quiet, a budget for a busy laptop.
  it.each(LONG_ROUND_TRIPS)('%s %s %s %s', (...argv) => roundTrips(argv), 300_000);
});
