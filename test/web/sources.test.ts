import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathWords, readableSource, sourceText } from '../../web/sources';

const DIR = join(__dirname, '../../scenarios');
const presets = readdirSync(DIR)
  .filter((f) => f.endsWith('.json') && f !== 'schema.json')
  .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as { model: string; sources?: string[] });

describe('sources written for people', () => {
  it('cites the seed document by title and year, not by its project file id', () => {
    const parts = readableSource("Seed document (000_3bcf6fd1773e6259): 'Social Governance in China through Zhejiang': reformed letters and visits -> petitions.regime reformed", 'governance');
    const text = sourceText(parts);
    expect(text).not.toContain('000_3bcf6fd1773e6259');
    expect(parts[0]).toMatchObject({ kind: 'work' });
    expect(parts[0].text).toMatch(/^Social Governance in China through Zhejiang .*2018$/);
    expect(text).toBe(`${parts[0].text}: reformed letters and visits. Used for: petitions: regime reformed`);
  });

  it('names parameters in words, with their path and the schema description one hover away', () => {
    const parts = readableSource('Calibrated: survey.base so that satisfaction is near 96.58%; claimProbability so that claims ~700; mediation.* too', 'governance');
    const params = parts.filter((p) => p.kind === 'param');
    expect(params.map((p) => p.text)).toEqual(['survey: base', 'grievances: claim probability', 'mediation (all its settings)']);
    expect(params.map((p) => p.kind === 'param' && p.path)).toEqual(['survey.base', 'grievances.claimProbability', 'mediation.*']);
    for (const p of params) expect(p.kind === 'param' && p.help.length).toBeGreaterThan(10);
  });

  it('leaves plain words and outside names alone', () => {
    const s = 'Wilensky, U. (2004). NetLogo Rebellion model. http://ccl.northwestern.edu/netlogo/models/Rebellion (legitimacy 0.82)';
    expect(readableSource(s, 'epstein')).toEqual([{ kind: 'text', text: s }]);
    expect(sourceText(readableSource('as in (MODEL.md section 7) and docs/ODD.md', 'governance'))).toBe('as in (section 7 of the model specification) and the model description (ODD)');
  });

  it('shows no parameter path, project file id or arrow for any preset', () => {
    for (const p of presets) {
      for (const s of p.sources ?? []) {
        const text = sourceText(readableSource(s, p.model));
        expect(text).not.toMatch(/(->|params\.|survey\.base|000_[0-9a-f]{16}|\.md\b|\b[a-z]+\.[a-z]+[A-Z][A-Za-z0-9]*\b)/);
      }
    }
  });

  it('words a path', () => {
    expect(pathWords('params.riskAssessment.proposalsPer100kYear')).toBe('risk assessment: proposals per 100k year');
    expect(pathWords('legitimacy')).toBe('legitimacy');
  });
});
