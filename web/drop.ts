/**
 * Loading a scenario file: dropped anywhere on the page, or chosen with the file button (keyboard). The
 * file is checked with the same parser the worker uses; every problem is listed (field path, value and
 * what is allowed), and a valid file is run as a custom scenario.
 */
import { MAX_JSON_BYTES, readJsonText, tooLarge } from '../src/scenario/json-text';
import { ScenarioError } from '../src/scenario/parse';
import { filePreset } from './file-preset';
import type { Preset } from './presets';
import { t } from './i18n';

export function setupDrop(opts: { input: HTMLInputElement; errors: HTMLElement; zone: HTMLElement; onScenario: (p: Preset) => void }): void {
  const { input, errors, zone, onScenario } = opts;
  const report = (name: string, problems: string[]) => {
    const h = document.createElement('p');
    h.textContent = t(problems.length === 1 ? 'drop.notLoadedOne' : 'drop.notLoaded', { name, n: problems.length });
    const ul = document.createElement('ul');
    for (const p of problems) {
      const li = document.createElement('li');
      li.textContent = p;
      ul.append(li);
    }
    errors.replaceChildren(h, ul);
    errors.hidden = false;
  };
  const read = async (file: File) => {
    errors.hidden = true;
    // The same limits as the command line (json-text.ts): size, depth, duplicate keys, 1e400; a BOM is fine.
    if (file.size > MAX_JSON_BYTES) return report(file.name, [tooLarge(file.size)]);
    const text = (await file.text()).replace(/^\ufeff/, '');
    try {
      JSON.parse(text);
    } catch (e) {
      return report(file.name, [t('drop.notJson', { name: file.name, message: (e as Error).message })]);
    }
    try {
      onScenario(filePreset(file.name, readJsonText(text, file.name)));
    } catch (e) {
      report(file.name, e instanceof ScenarioError ? e.problems : [(e as Error).message]);
    }
  };
  onFileChosen(input, zone, read);
}

/**
 * Call `handle` with a file chosen with `input` (the keyboard's way) or dropped anywhere on the page,
 * marking `zone` while a file is dragged over it.
 */
export function onFileChosen(input: HTMLInputElement, zone: HTMLElement, handle: (file: File) => Promise<void> | void): void {
  input.addEventListener('change', () => {
    const f = input.files?.[0];
    if (f) void handle(f);
    input.value = '';
  });
  document.addEventListener('dragover', (e) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    zone.classList.add('dropping');
  });
  document.addEventListener('dragleave', (e) => {
    if (e.relatedTarget === null) zone.classList.remove('dropping');
  });
  document.addEventListener('drop', (e) => {
    const f = e.dataTransfer?.files?.[0];
    zone.classList.remove('dropping');
    if (!f) return;
    e.preventDefault();
    void handle(f);
  });
}
