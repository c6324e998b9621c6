/**
 * The loader's edges (issue 10): scenario JSON that JSON.parse would take, or choke on, is refused by
 * name: too deep, too large, duplicate keys, numbers beyond a double; a byte order mark is accepted;
 * every echoed user string is escaped and cut, and a huge unknown key is refused at once.
 */
import { describe, expect, it } from 'vitest';
import { escapeEcho, quoteEcho } from '../../../src/scenario/display';
import { MAX_JSON_BYTES, readJsonText } from '../../../src/scenario/json-text';
import { nearest } from '../../../src/scenario/nearest';
import { applyOverrides } from '../../../src/scenario/overrides';
import { parseScenarioText, ScenarioError } from '../../../src/scenario/parse';

function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as ScenarioError).problems;
  }
  throw new Error('expected a ScenarioError');
}

const head = '{"model":"epstein","name":"t","params":';

describe('reading scenario JSON', () => {
  it('refuses nesting over 64 levels before building it, naming where', () => {
    const deep = head + '['.repeat(200_000) + ']'.repeat(200_000) + '}';
    const [p] = problems(() => parseScenarioText(deep, 'deep.json'));
    expect(p).toMatch(/^params(\.0){63}: nested more than 64 levels deep/);
    // 64 levels is still read (and then judged by the schema).
    expect(() => readJsonText('['.repeat(64) + ']'.repeat(64), 'ok')).not.toThrow();
    expect(problems(() => readJsonText('['.repeat(65) + ']'.repeat(65), 'x'))[0]).toMatch(/nested more than 64/);
  });

  it('refuses duplicate keys with the key path, at any depth', () => {
    expect(problems(() => parseScenarioText('{"model":"epstein","name":"a","name":"b"}', 's'))).toEqual([
      'name: this key appears twice in one object; JSON keeps only the last, so say it once',
    ]);
    const p = problems(() => readJsonText('{"params":{"a":{"x":1},"b":[{"y":1,"y":2}]}}', 's'));
    expect(p).toEqual([expect.stringMatching(/^params\.b\.0\.y: this key appears twice/)]);
    // The same key in sibling objects is fine, and so is a key spelt with an escape once.
    expect(readJsonText('[{"a":1},{"a":2}]', 's')).toEqual([{ a: 1 }, { a: 2 }]);
    expect(problems(() => readJsonText('{"a":1,"\\u0061":2}', 's'))[0]).toMatch(/^a: this key appears twice/);
  });

  it('names numbers beyond a double instead of letting them become Infinity (and later "null")', () => {
    const [p] = problems(() => parseScenarioText(`${head}{"legitimacy":1e400}}`, 's'));
    expect(p).toBe('params.legitimacy: 1e400 is out of range: a number must be within ±1.7976931348623157e308 (a double)');
    expect(problems(() => readJsonText('[-1E+999]', 's'))[0]).toMatch(/^0: -1E\+999 is out of range/);
    expect(readJsonText('[1e-400, 1.7976931348623157e308]', 's')).toEqual([0, 1.7976931348623157e308]);
    // The same through --set.
    expect(problems(() => applyOverrides({ model: 'epstein', name: 't' }, ['params.legitimacy=1e400']))[0]).toMatch(
      /^params\.legitimacy: 1e400 is out of range/,
    );
    expect(problems(() => applyOverrides({ model: 'epstein', name: 't' }, [`params.legitimacy=${'['.repeat(100)}`]))[0]).toMatch(
      /^params\.legitimacy(\.0)+: nested more than 64 levels deep/,
    );
  });

  it('accepts a UTF-8 byte order mark', () => {
    expect(parseScenarioText('\ufeff{"model":"epstein","name":"bom"}', 's').name).toBe('bom');
  });

  it('refuses a text over the size limit by its size', () => {
    const [p] = problems(() => readJsonText(' '.repeat(MAX_JSON_BYTES + 1), 'huge.json'));
    expect(p).toMatch(/^10,485,761 bytes is too large for a scenario; allowed: at most 10,485,760 bytes \(10 MB\)$/);
  });

  it('still reports plain syntax errors as JSON.parse sees them', () => {
    expect(problems(() => parseScenarioText('{"model": "governance",', 'broken.json'))[0]).toMatch(/^not valid JSON: /);
  });
});

describe('echoing user strings', () => {
  it('escapes control and invisible characters and cuts long strings', () => {
    expect(escapeEcho('a\u001b[31mb\u0007c\rd\u0000e\u009bf\u202eg')).toBe('a\\u001b[31mb\\u0007c\\u000dd\\u0000e\\u009bf\\u202eg');
    const long = escapeEcho('x'.repeat(1000));
    expect(long).toBe(`${'x'.repeat(80)}… (1,000 characters)`);
    expect(quoteEcho('say "hi"\n')).toBe('"say \\"hi\\"\\u000a"');
  });

  it('names an unknown key escaped and cut, without a did-you-mean for a huge one, in milliseconds', () => {
    const key = 'k'.repeat(10_000_000);
    const t0 = performance.now();
    const [p] = problems(() => parseScenarioText(JSON.stringify({ model: 'epstein', name: 't', params: { [key]: 1 } }), 's'));
    const ms = performance.now() - t0;
    console.log(`[measure] a 10 MB unknown key refused in ${ms.toFixed(0)} ms`);
    expect(p).toMatch(/^params\.k{80}… \(10,000,000 characters\): unknown field Allowed: /);
    expect(p.length).toBeLessThan(500);
    expect(ms).toBeLessThan(5_000); // was ~26 s of edit distances (2.6 s per MB); a generous bound for a loaded machine
    expect(nearest('k'.repeat(10_000), ['legitimacy'])).toBeUndefined();

    const [q] = problems(() => parseScenarioText(JSON.stringify({ model: 'epstein', name: 't', params: { 'legitimacy\u001b[2J': 1 } }), 's'));
    expect(q).toMatch(/^params\.legitimacy\\u001b\[2J: unknown field/);
    expect(q).not.toContain('\u001b');
  });

  it('escapes values in messages, including what JSON.stringify leaves raw', () => {
    const [p] = problems(() => parseScenarioText(JSON.stringify({ model: 'epstein', name: 't', params: { ratioRule: 'x\u009b2J\u202e' } }), 's'));
    expect(p).toContain('"x\\u009b2J\\u202e"');
  });
});
