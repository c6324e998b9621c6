/** The Sensitivity view's address (web/sensitivity-link.ts) and parameter choice (web/sensitivity-kinds.ts). */
import { describe, expect, it } from 'vitest';
import { defaultPicks, kindsOf, screenable } from '../../web/sensitivity-kinds';
import { readScreenLink, sameOriginUrl, sensitivityLinkFor } from '../../web/sensitivity-link';

describe('the Sensitivity view’s link', () => {
  it('round-trips the screening settings and the scenario', () => {
    const q = sensitivityLinkFor({ presetId: 'social-governance', seed: 3, steps: 30, sets: ['params.ngo.support=0.5'], kind: 'policy', params: ['ngo.support', 'mediation.grid.skill'], r: 2 });
    expect(q).toBe('?view=sensitivity&scenario=social-governance&seed=3&steps=30&set.params.ngo.support=0.5&kind=policy&params=ngo.support%2Cmediation.grid.skill&r=2');
    expect(readScreenLink(q)).toEqual({ link: { kind: 'policy', params: ['ngo.support', 'mediation.grid.skill'], r: 2 }, problems: [] });
  });

  it('names a bad kind or r, and takes params. off parameter names', () => {
    const { link, problems } = readScreenLink('?kind=people&r=1&params=params.ngo.support,,');
    expect(link).toEqual({ params: ['ngo.support'] });
    expect(problems[0]).toMatch(/kind "people" is not allowed; allowed: policy, society, all/);
    expect(problems[1]).toMatch(/r "1" is not allowed; allowed: a whole number of trajectories from 2 to 20/);
  });

  it('opens results on the page’s own site only', () => {
    const page = 'http://localhost:4173/?view=sensitivity';
    expect(sameOriginUrl('results/s.json', page)).toEqual({ ok: true, url: 'http://localhost:4173/results/s.json' });
    const other = sameOriginUrl('https://example.org/s.json', page);
    expect(other.ok).toBe(false);
    expect(!other.ok && other.message).toMatch(/on another site/);
  });
});

describe('parameters a screening may vary', () => {
  it('numeric parameters of the kind with a range; kinds the model has', () => {
    const policy = screenable('governance', 'policy');
    expect(policy.length).toBeGreaterThan(20);
    expect(policy.every((s) => s.kind === 'policy' && (s.type === 'number' || s.type === 'integer'))).toBe(true);
    expect(kindsOf('governance')).toEqual(['policy', 'society', 'all']);
    expect(kindsOf('epstein')).toEqual(['all']);
  });

  it('a few parameters are ticked by default', () => {
    expect(defaultPicks('governance', 'policy')).toEqual(['mediation.grid.skill', 'ngo.support', 'court.judgesPer100k', 'petitions.onlineShare']);
    expect(defaultPicks('epstein', 'all')).toHaveLength(4);
  });
});
