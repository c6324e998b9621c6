import { defineConfig } from 'vitest/config';

// The tests Stryker runs for each mutant (npm run test:mutation): the unit tests of sim/ only. No
// browser, CLI or worker tests: they start processes, are slow, and test sim/ only through src/.
export default defineConfig({
  test: {
    include: ['test/sim/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
