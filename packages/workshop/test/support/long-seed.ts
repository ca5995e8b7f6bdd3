/**
 * The seed a long, generated run uses: OUTAGE_LAB_LONG_SEED when set, so a failure can be
 * replayed (`OUTAGE_LAB_LONG_SEED=123 npm run test:long`), otherwise a fresh one, so each
 * long run explores inputs the fast suite's fixed seed never reaches. Printed either way,
 * because a passing run's seed is what a later flaky failure is compared against.
 */
export function longSeed(what: string, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env['OUTAGE_LAB_LONG_SEED'];
  const seed = raw === undefined || raw === '' ? Math.floor(Math.random() * 2 ** 31) : Number(raw);
  if (!Number.isSafeInteger(seed)) throw new Error(`OUTAGE_LAB_LONG_SEED must be an integer, not ${JSON.stringify(raw)}`);
  console.log(`${what}: fast-check seed ${seed} (replay: OUTAGE_LAB_LONG_SEED=${seed} npm run test:long)`);
  return seed;
}
