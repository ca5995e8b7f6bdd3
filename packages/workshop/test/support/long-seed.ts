/**
 * The run's seed for a long, generated run: OUTAGE_LAB_LONG_SEED, which `npm run test:long`
 * picks fresh each run (vitest.long.config.ts makes it 1 without the script), so each long
 * run explores inputs the fast suite's fixed seed never reaches. Printed, because a passing
 * run's seed is what a later failure is compared against.
 */
export function longSeed(what: string, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env['OUTAGE_LAB_LONG_SEED'];
  const seed = Number(raw);
  if (raw === undefined || raw === '' || !Number.isSafeInteger(seed)) throw new Error(`OUTAGE_LAB_LONG_SEED must be an integer, not ${JSON.stringify(raw)}`);
  console.log(`${what}: fast-check seed ${seed} (replay: npm run test:long -- --seed ${seed})`);
  return seed;
}
