import tsParser from '@typescript-eslint/parser';

/** `Date` covers `Date.now()` and `new Date()`; `performance` covers `performance.now()`. */
const GLOBALS = ['Date', 'performance', 'setTimeout', 'setInterval', 'setImmediate', 'crypto'];
const WHY = 'the model runs on simulated time and one seeded Rng (packages/core/src/sim): same seed, same trace';

/**
 * One rule set: model code (the core, and the lessons' starters and solutions that run
 * inside it) never reads real time or real randomness. ESLint reads code, so the words
 * in a comment or a string are not flagged, and `Date` as a local name is not the global.
 */
export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.results/**', '**/.turbo/**'] },
  {
    files: ['packages/core/src/**/*.ts', 'exercises/*/src/**/*.ts', 'solutions/*/src/**/*.ts'],
    languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-restricted-globals': [
        'error',
        ...GLOBALS.map((name) => ({ name, message: `real time or randomness: ${WHY}.` })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: `real randomness: ${WHY}.` },
        { object: 'process', property: 'hrtime', message: `real time: ${WHY}.` },
        // The globals above, reached through globalThis.
        ...GLOBALS.map((property) => ({ object: 'globalThis', property, message: `real time or randomness: ${WHY}.` })),
      ],
      'no-restricted-imports': [
        'error',
        ...['node:perf_hooks', 'perf_hooks', 'node:timers', 'timers', 'node:timers/promises', 'timers/promises', 'node:crypto', 'crypto'].map((name) => ({
          name,
          message: `real time or randomness: ${WHY}.`,
        })),
      ],
    },
  },
];
