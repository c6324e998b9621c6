/**
 * Mutation testing (npm run test:mutation; not part of npm test). Stryker changes one thing in the code
 * at a time (a mutant) and runs the tests that cover it; a mutant no test notices is a gap in the tests.
 *
 *   npm run test:mutation                                         every file of sim/governance
 *   npm run test:mutation -- --mutate sim/governance/legitimacy.ts   one file (a glob or a list works too)
 *   MUTATE=sim/core/activation.ts npm run test:mutation               the same, from the environment
 *
 * Reports: reports/mutation/index.html and mutation.json (gitignored), and a table on the terminal.
 * Stryker 9.6 (10 needs Node 22). TypeScript 7 has no JS API, which Stryker's tsconfig reading needs:
 * tsconfigFile names a file that does not exist, and there is no type-checking checker (a mutant that
 * does not type-check simply runs, and is usually killed by the tests).
 */
const mutate = process.env.MUTATE ? process.env.MUTATE.split(',') : ['sim/governance/**/*.ts'];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  tsconfigFile: 'stryker-has-no-tsconfig.json',
  checkers: [],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  // Most time goes to mutants that loop forever; 10 s (plus Stryker's factor on the normal time) ends them.
  timeoutMS: 10_000,
  mutate,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  clearTextReporter: { logTests: false },
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  ignorePatterns: ['dist', 'out', 'reports', 'test-artifacts', '.stryker-tmp'],
};
