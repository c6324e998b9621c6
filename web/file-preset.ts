/**
 * A scenario file loaded on the page (dropped, chosen, or carried by a link) runs as a preset whose id
 * is `file:<file name>`: the picker names it, the address carries its content (url-state.ts) and the
 * command shown for it runs the file of that name.
 */
import { parseScenario } from '../src/scenario/parse';
import type { Preset } from './presets';

const PREFIX = 'file:';

/** The preset of a valid scenario file; throws the parser's ScenarioError listing every problem. */
export function filePreset(fileName: string, raw: unknown): Preset {
  const sc = parseScenario(raw, fileName);
  return { id: `${PREFIX}${fileName}`, model: sc.model, name: sc.name, description: sc.description ?? '', sources: sc.sources ?? [], raw };
}

export function isFilePreset(p: Preset): boolean {
  return p.id.startsWith(PREFIX);
}

/** The file name of a file preset (undefined for a bundled preset). */
export function fileNameOf(p: Preset): string | undefined {
  return isFilePreset(p) ? p.id.slice(PREFIX.length) : undefined;
}
