import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/scenario/files';
import { governanceParamKinds, valueAt } from '../../../src/scenario/kinds';

/**
 * Regimes differ only in policy (design/MODEL.md section 7): every preset that takes part in a regime
 * comparison governs the same society as social-governance. zhejiang-province is a different society
 * on purpose (the province, not the town) and is not compared with the town presets.
 */
const REGIME_PRESETS = [
  'social-control',
  'social-management',
  'governance-no-ngos',
  'governance-no-grand-mediation',
  'governance-no-risk-assessment',
  'governance-stability-first-petitions',
  'control-relaxation',
];

const kinds = governanceParamKinds();

/** Paths of the fields of `kind` in which two params objects differ. */
function differences(a: unknown, b: unknown, kind: string): string[] {
  return Object.keys(kinds).filter((p) => kinds[p] === kind && JSON.stringify(valueAt(a, p)) !== JSON.stringify(valueAt(b, p)));
}

describe('society and policy', () => {

  it('every governance parameter has a kind', () => {
    const paths = Object.keys(kinds);
    expect(paths.length).toBeGreaterThan(150);
    for (const p of paths) expect(['society', 'policy', 'output'], p).toContain(kinds[p]);
    expect(kinds['legitimacy.initialMean']).toBe('society');
    expect(kinds['mediation.village.staffPer1000']).toBe('policy');
    expect(kinds['handling.choice.petition']).toBe('society');
  });

  const reference = loadScenario('social-governance').params;
  for (const name of REGIME_PRESETS) {
    it(`${name} governs the same society as social-governance`, () => {
      expect(differences(loadScenario(name).params, reference, 'society'), `${name} changes society fields`).toEqual([]);
    });
  }

  it('the check notices a preset that changes society', () => {
    const changed = loadScenario('social-control', ['params.legitimacy.initialMean=0.9', 'params.handling.choice.giveUp=1.5']).params;
    expect(differences(changed, reference, 'society')).toEqual(['handling.choice.giveUp', 'legitimacy.initialMean']);
  });

  it('the regime presets differ in policy', () => {
    expect(differences(loadScenario('social-control').params, reference, 'policy').length).toBeGreaterThan(10);
  });
});
