/** `govsim presets`: list the presets with their one-line description. */
import { listPresets, loadScenario } from '../../scenario/files';
import { parseArgs } from '../args';

export async function presets(argv: string[]): Promise<number> {
  parseArgs(argv, {});
  for (const name of listPresets()) {
    const s = loadScenario(name);
    const line = s.description.split(/(?<=\.)\s/)[0] ?? '';
    console.log(`${name.padEnd(36)} ${s.model.padEnd(10)} ${line}`);
  }
  return 0;
}
