/**
 * The page's address (web/url-state.ts): every run on screen written and read back, a loaded file's
 * scenario carried compressed (or said plainly to be too long), each compare pane's levers, and a CLI
 * command that runs as printed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filePreset } from '../../web/file-preset';
import { findPreset, type Preset } from '../../web/presets';
import { MAX_QUERY_CHARS, cliCommand, compareLinkFor, linkFor, packText, readLink, shellWord, unpackText } from '../../web/url-state';

const ROOT = join(__dirname, '..', '..');
const preset = (id: string): Preset => {
  const p = findPreset(id);
  if (!p) throw new Error(`no preset ${id}`);
  return p;
};
const GOV = preset('social-governance');
/** A scenario file as a user would drop it: the governance preset renamed, one value changed. */
const FILE = filePreset('my town.json', { ...(GOV.raw as object), name: 'My town', steps: 30 });

describe('the compressed scenario', () => {
  it('round-trips text, unicode included, in base64url', async () => {
    for (const text of ['', 'a', JSON.stringify(GOV.raw), '村 “调解” ✓ \u0000 end']) {
      const packed = await packText(text);
      expect(packed).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(await unpackText(packed)).toBe(text);
    }
  });

  it('is shorter than the scenario, so a preset-sized file fits a link with room for levers', async () => {
    const text = JSON.stringify(GOV.raw);
    const packed = await packText(text);
    expect(packed.length).toBeLessThan(text.length * 0.7);
    expect(packed.length).toBeLessThan(MAX_QUERY_CHARS / 2);
  });

  it('refuses damaged data by saying the link was cut or changed', async () => {
    await expect(unpackText('abc$')).rejects.toThrow(/not base64url/);
    const packed = await packText(JSON.stringify(GOV.raw));
    await expect(unpackText(packed.slice(0, packed.length >> 1))).rejects.toThrow(/cut or changed/);
  });
});

describe('an explore address', () => {
  it('round-trips a preset with seed, end step and lever changes', async () => {
    const sets = ['params.ngo.support=0.5', 'params.enforcement.officersPer1000=0.6'];
    const a = await linkFor(GOV, 7, 365, sets);
    expect(a).toEqual({ search: '?scenario=social-governance&seed=7&steps=365&set.params.ngo.support=0.5&set.params.enforcement.officersPer1000=0.6' });
    const r = await readLink(a.search);
    expect(r.problems).toEqual([]);
    expect(r.request?.preset).toBe(GOV);
    expect(r.request).toMatchObject({ seed: 7, steps: 365, sets });
    expect(r.compare).toBeUndefined();
  });

  it('carries a loaded file itself, so the link runs it in a new page', async () => {
    const a = await linkFor(FILE, 3, 30, ['params.ngo.support=0.25']);
    expect(a.problem).toBeUndefined();
    expect(a.search).toMatch(/^\?file=my\+town\.json&data=[A-Za-z0-9_-]+&seed=3&steps=30&set\.params\.ngo\.support=0\.25$/);
    const r = await readLink(a.search);
    expect(r.problems).toEqual([]);
    expect(r.request?.preset.id).toBe('file:my town.json');
    expect(r.request?.preset.name).toBe('My town');
    expect(r.request?.preset.raw).toEqual(FILE.raw);
    expect(r.request).toMatchObject({ seed: 3, steps: 30, sets: ['params.ngo.support=0.25'] });
  });

  it('says plainly when a file is too long for a link, and keeps its name', async () => {
    // Random-looking text does not compress: a description of this size cannot fit.
    let noise = '';
    let x = 12345;
    for (let i = 0; i < MAX_QUERY_CHARS * 2; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      noise += String.fromCharCode(33 + (x % 90));
    }
    const big = filePreset('big.json', { ...(GOV.raw as object), description: noise });
    const a = await linkFor(big, 1, 10);
    expect(a.search).toBe('?file=big.json&seed=1&steps=10');
    expect(a.problem).toMatch(/^This link cannot carry the scenario file big\.json \([\d,]+ characters compressed\): a link holds up to 8,000 characters\. Share the file with the link/);
    const r = await readLink(a.search);
    expect(r.problems).toEqual([expect.stringMatching(/names the scenario file "big\.json" but does not hold it .*choose or drop that file/)]);
    expect(r.request?.preset).toBe(GOV);
  });

  it('names a damaged file in the link and shows the default instead', async () => {
    const r = await readLink('?file=x.json&data=AAAA');
    expect(r.problems[0]).toMatch(/^The link's scenario file "x\.json" could not be read: .*Showing social-governance instead\./);
    const bad = await readLink(`?file=x.json&data=${await packText('{"model":"governance","params":{"population":{"residents":-1}}}')}`);
    expect(bad.problems[0]).toMatch(/^The link's scenario file "x\.json" could not be read: .*residents/);
  });

  it('drops lever changes the scenario refuses, naming them', async () => {
    const r = await readLink('?scenario=social-governance&set.params.ngo.support=7');
    expect(r.request?.sets).toEqual([]);
    expect(r.problems[0]).toMatch(/^In the link's lever settings: .*ngo.*Using the scenario's own values instead\./);
  });
});

describe('a compare address', () => {
  it('round-trips each pane with its own levers, and a file pane with its scenario', async () => {
    const panes = [
      { preset: GOV, sets: ['params.ngo.support=0.5', 'params.enforcement.officersPer1000=0.6'] },
      { preset: GOV, sets: [] },
      { preset: FILE, sets: ['params.ngo.support=0.1'] },
      { preset: preset('social-control'), sets: [] },
    ];
    const a = await compareLinkFor(panes, 4, 90);
    expect(a.problem).toBeUndefined();
    expect(a.search).toMatch(/^\?compare=social-governance%2Csocial-governance%2Cfile%2Csocial-control&seed=4&steps=90&A\.set\.params\.ngo\.support=0\.5&/);
    const r = await readLink(a.search);
    expect(r.problems).toEqual([]);
    expect(r.request).toMatchObject({ seed: 4, steps: 90 });
    expect(r.compare?.map((p) => [p.preset.id, p.sets])).toEqual(panes.map((p) => [p.preset.id, p.sets]));
    expect(r.compare?.[2].preset.raw).toEqual(FILE.raw);
  });

  it('reads the old form (presets only) and leaves out what it cannot use', async () => {
    const r = await readLink('?compare=social-control,social-governance&seed=2&steps=90');
    expect(r.problems).toEqual([]);
    expect(r.compare?.map((p) => p.preset.id)).toEqual(['social-control', 'social-governance']);
    const bad = await readLink('?compare=social-control,nope,file&B.set.params.ngo.support=0.5');
    expect(bad.problems[0]).toMatch(/"nope", which is not a preset.*Pane B is left out\./);
    expect(bad.problems[1]).toMatch(/names the scenario file "" but does not hold it/);
    expect(bad.problems[2]).toMatch(/needs 2 to 4 scenarios; it names 1 usable one/);
    expect(bad.compare).toBeUndefined();
    const five = await readLink('?compare=social-control,social-control,social-control,social-control,social-control');
    expect(five.compare).toHaveLength(4);
    expect(five.problems[0]).toMatch(/compares 5 scenarios; allowed: 2 to 4/);
  });
});

describe('the command shown for a run', () => {
  it('quotes what the shell would split', () => {
    expect(shellWord('social-governance')).toBe('social-governance');
    expect(shellWord('params.ngo.support=0.5')).toBe('params.ngo.support=0.5');
    expect(shellWord('my town.json')).toBe("'my town.json'");
    expect(shellWord("it's.json")).toBe("'it'\\''s.json'");
    expect(cliCommand('social-governance', 7, 365, ['params.ngo.support=0.5'])).toBe('npx govsim run social-governance --seed 7 --steps 365 --set params.ngo.support=0.5');
    expect(cliCommand('file:my town.json', 7, 365)).toBe("npx govsim run './my town.json' --seed 7 --steps 365");
  });

  it("runs as printed for a loaded file, in the file's folder, with the preset's hash", () => {
    const dir = mkdtempSync(join(tmpdir(), 'govsim-cli-'));
    try {
      writeFileSync(join(dir, 'my town.json'), readFileSync(join(ROOT, 'scenarios', 'social-governance.json')));
      const bin = join(ROOT, 'bin', 'govsim.mjs');
      const run = (cmd: string, out: string) =>
        execFileSync('sh', ['-c', `${cmd.replace(/^npx govsim /, `node '${bin}' `)} --out '${join(dir, out)}'`], { cwd: dir, encoding: 'utf8' });
      const fromFile = run(cliCommand('file:my town.json', 3, 5, ['params.ngo.support=0.5']), 'a');
      const fromPreset = run(cliCommand('social-governance', 3, 5, ['params.ngo.support=0.5']), 'b');
      const hash = (s: string) => /output hash ([0-9a-f]{16})/.exec(s)?.[1];
      expect(hash(fromFile)).toMatch(/^[0-9a-f]{16}$/);
      expect(hash(fromFile)).toBe(hash(fromPreset));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
