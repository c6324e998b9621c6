import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPresets, loadScenario, PRESET_DIR } from '../../../src/scenario/files';
import { scenarioJsonSchema } from '../../../src/scenario/json-schema';
import { ENGINE_VERSION } from '../../../src/version';

describe('presets', () => {
  it('exist', () => {
    expect(listPresets().length).toBeGreaterThan(0);
  });

  for (const name of listPresets()) {
    it(`${name} parses, describes itself and names its sources`, () => {
      const s = loadScenario(name);
      expect(s.description.length).toBeGreaterThan(40);
      expect(s.sources.length).toBeGreaterThan(0);
    });
  }
});

describe('generated files', () => {
  it('scenarios/schema.json is up to date (run `npm run schema`)', () => {
    const onDisk = JSON.parse(readFileSync(join(PRESET_DIR, 'schema.json'), 'utf8'));
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });

  it('the engine version matches package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
    expect(ENGINE_VERSION).toBe(pkg.version);
  });
});
