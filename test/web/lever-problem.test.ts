/**
 * A refused lever value as the page says it (web/levers.ts problemText): the field's label, the value and
 * what is allowed, in the page's language, from checkLever's kind of problem (its own message is English,
 * for the command line).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../web/i18n';
import { checkLever, type LeverSpec } from '../../web/lever-spec';
import { problemText } from '../../web/levers';

const skill: LeverSpec = { path: 'params.mediation.gridSkill', type: 'number', min: 0, max: 1, unit: 'probability', default: 0.5 } as LeverSpec;
const count: LeverSpec = { path: 'params.x', type: 'integer', min: 0, max: Number.MAX_SAFE_INTEGER, default: 1 } as LeverSpec;

function refused(spec: LeverSpec, text: string, label: string): string {
  const r = checkLever(spec, text);
  if (r.ok) throw new Error(`${text} was accepted`);
  return problemText(spec, label, r.problem, r.text);
}

describe('a refused lever value', () => {
  afterEach(() => setLang('en'));

  it('is said in English as the command line says it, with the label for the path', () => {
    expect(refused(skill, '2', 'Grid skill')).toBe('Grid skill "2" is too large; allowed: a number from 0 to 1 (probability).');
    expect(refused(skill, 'abc', 'Grid skill')).toBe('Grid skill "abc" is not a number; allowed: a number from 0 to 1 (probability).');
    expect(refused(skill, '', 'Grid skill')).toBe('Grid skill is empty; allowed: a number from 0 to 1 (probability).');
    expect(refused(count, '1.5', 'Count')).toBe('Count "1.5" is not a whole number; allowed: a whole number, 0 or more.');
    expect(refused(count, '-1', 'Count')).toMatch(/^Count "-1" is too small/);
  });

  it('is said in Chinese with the same value and bounds, and no English word', () => {
    setLang('zh');
    const text = refused(skill, '2', '网格员调解能力');
    expect(text).toContain('“2”');
    expect(text).toContain('0 至 1');
    expect(text).toMatch(/太大/);
    expect(text.replace(/“2”/, '')).not.toMatch(/[A-Za-z]/);
    expect(refused(count, '1.5', '数量')).toMatch(/不是整数/);
  });
});
