/** `npm run golden`: recompute every golden output hash and rewrite test/golden/hashes.json. */
import { writeFileAtomic } from '../../src/io/files';
import { COMMENT, computeHash, GOLDEN_FILE, type GoldenEntry, plannedEntries } from './golden';

const entries: GoldenEntry[] = [];
for (const e of plannedEntries()) {
  const t0 = performance.now();
  entries.push({ ...e, outputHash: await computeHash(e) });
  console.log(`${e.preset} seed ${e.seed} steps ${e.steps}: ${((performance.now() - t0) / 1000).toFixed(2)} s`);
}
writeFileAtomic(GOLDEN_FILE, JSON.stringify({ comment: COMMENT, entries }, null, 2) + '\n');
console.log(`wrote ${entries.length} hashes to ${GOLDEN_FILE}`);
