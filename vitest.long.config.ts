import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * `npm run test:long`: the seeded soak runs, kept apart from `npm test` as TigerBeetle keeps
 * its VOPR apart from its unit tests. Each package's `test/**\/*.long.test.ts` runs here and
 * nowhere else; its own config (same folder) runs everything but these. The seed comes from
 * OUTAGE_LAB_LONG_SEED, which scripts/test-long.ts sets and prints.
 */
const PACKAGES = ['core', 'course', 'class', 'workshop'] as const;
/** Absolute, so the config works from any folder (`--config ../../vitest.long.config.ts`). */
const ROOT = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  test: {
    projects: PACKAGES.map((name) => ({
      test: {
        name: `${name} (long)`,
        root: `${ROOT}packages/${name}`,
        include: ['test/**/*.long.test.ts'],
        environment: 'node' as const,
        // scripts/test-long.ts picks the run's seed and prints it; run through this config
        // alone, the soak runs take seed 1. Either way every test reads this one variable.
        env: { NO_COLOR: '1', OUTAGE_LAB_LONG_SEED: process.env['OUTAGE_LAB_LONG_SEED'] ?? '1' },
        // Soak runs take from seconds to a few minutes each: every test names its own
        // budget, and this default only catches one that forgot.
        testTimeout: 60_000,
        hookTimeout: 60_000,
      },
    })),
  },
});
