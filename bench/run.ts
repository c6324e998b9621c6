/**
 * `npm run bench`: every benchmark, one after the other (run with tsx). Figures are medians of
 * repetitions on a shared, noisy 2-core machine; compare ratios rather than single numbers.
 *   npm run bench                the whole set (three province years, set-up included, take about 1.5 minutes)
 *   npm run bench -- --quick     without the province-scale years
 */
import { benchBatch } from './batch';
import { benchEpstein } from './epstein';
import { benchGovernance } from './governance';
import { benchSensitivity } from './sensitivity';

const quick = process.argv.includes('--quick');
for (const a of process.argv.slice(2)) {
  if (a !== '--quick') {
    console.error(`bench: unknown argument ${JSON.stringify(a)}; allowed: --quick`);
    process.exit(2);
  }
}

await benchEpstein();
console.log();
await benchGovernance({ quick });
console.log();
await benchBatch();
console.log();
await benchSensitivity();
