/**
 * Re-running one run folder (`govsim run`'s output) from its manifest: the scenario it embeds, at its
 * seed and steps, with the case log if the folder has one, written with the recorded command line, so
 * that an unchanged engine writes the same bytes, manifest.json included.
 */
import { createModel } from '../../sim/registry';
import { scenarioHash, type Manifest } from '../output/run';
import { formatFromCommand } from '../output/format';
import { writeRunOutputs } from '../output/write-run';
import type { MemoryLimit } from '../scenario/bounds';
import { parseScenario } from '../scenario/parse';
import { resolveRun } from '../scenario/resolve';
import { FolderError } from './folder';
import { availableParallelism } from 'node:os';
import { threadHosting } from '../worker/shard-threads';

/** Run the manifest's scenario again and write its outputs into `out`; refused beyond `limit`, as run refuses. */
export async function replayRun(dir: string, m: Manifest, out: string, limit?: MemoryLimit): Promise<void> {
  if (!m.resolvedScenario) {
    throw new FolderError(`${dir}/manifest.json holds no resolvedScenario (written by an older govsim), so the run cannot be replayed; run its command again instead`);
  }
  const scenario = parseScenario(m.resolvedScenario, `${dir}/manifest.json resolvedScenario`);
  if ((await scenarioHash(scenario)) !== m.scenarioHash) {
    throw new FolderError(`${dir}/manifest.json: its resolvedScenario does not have its scenarioHash (the manifest was edited); not replayed`);
  }
  const settings = resolveRun(scenario, { seed: m.seed, steps: m.steps }, limit, `${dir}/manifest.json`);
  // A province's counties on a thread per core: the bytes do not depend on it (province.ts).
  const model = createModel(scenario.model, scenario.params, settings.seed, threadHosting(Math.max(1, availableParallelism())));
  try {
    model.step(settings.steps);
    // The tables in the format the run wrote them (--format, read back from its command line).
    const format = formatFromCommand(m.command ?? []);
    const cases = 'cases.csv' in m.files || 'cases.parquet' in m.files;
    await writeRunOutputs(out, model, scenario, settings.seed, cases, m.command, format);
  } finally {
    model.dispose?.();
  }
}
