/**
 * `run` writes its CSVs a chunk at a time (src/output/write-run.ts); the files and the output hash must
 * be byte for byte those of the in-memory outputs (runScenario), which the golden hashes pin.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createModel } from '../../../sim/registry';
import { CHUNK_CHARS, seriesCsv, seriesCsvChunks } from '../../../src/output/csv';
import { runScenario } from '../../../src/output/run';
import { writeRunOutputs } from '../../../src/output/write-run';
import { loadScenario } from '../../../src/scenario/files';
import { tempDir } from '../../helpers/cli';

async function both(ref: string, sets: string[], seed: number, steps: number, cases = false) {
  const scenario = loadScenario(ref, sets);
  const memory = await runScenario(scenario, { seed, steps, cases });
  const model = createModel(scenario.model, scenario.params, seed);
  model.step(steps);
  const dir = tempDir();
  const manifest = await writeRunOutputs(dir, model, scenario, seed, cases);
  return { memory, manifest, dir };
}

describe('streamed outputs', () => {
  it('are the in-memory outputs, byte for byte, over several chunks (Epstein, 8,000 steps)', async () => {
    const { memory, manifest, dir } = await both('epstein-2002-run1', [], 3, 8000);
    expect(memory.files['timeseries.csv'].length).toBeGreaterThan(2 * CHUNK_CHARS);
    expect(manifest).toEqual(memory.manifest);
    expect(readdirSync(dir).sort()).toEqual(Object.keys(memory.files).sort()); // no temporary file left
    for (const [name, text] of Object.entries(memory.files)) expect(readFileSync(join(dir, name), 'utf8')).toBe(text);
  });

  it('include the case log with its hash (governance, --cases)', async () => {
    const { memory, manifest, dir } = await both('social-governance', ['params.output.caseLog=true'], 1, 200, true);
    expect(Object.keys(manifest.files)).toEqual(['timeseries.csv', 'summary.json', 'cases.csv']);
    expect(manifest.outputHash).toBe(memory.manifest.outputHash);
    expect(readFileSync(join(dir, 'cases.csv'), 'utf8')).toBe(memory.files['cases.csv']);
  });

  it('chunks end at line ends and join to the whole text', () => {
    const model = createModel('epstein', loadScenario('epstein-2002-run1').params, 1);
    model.step(4000);
    const chunks = [...seriesCsvChunks(model.series())];
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.endsWith('\n')).toBe(true);
    expect(chunks.join('')).toBe(seriesCsv(model.series()));
  });
});
