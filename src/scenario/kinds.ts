/**
 * The kind of every governance parameter (society, policy or output; design/MODEL.md section 7), read
 * from the `kind` key that src/scenario/governance.ts stamps on each field of the JSON Schema. Used by
 * the regime-preset test (presets differ only in policy), the ODD parameter table and `govsim effects`.
 */
import { scenarioJsonSchema } from './json-schema';
import type { ParamKind } from './governance';

type Node = { type?: string | string[]; properties?: Record<string, Node>; kind?: ParamKind };

let cached: Record<string, ParamKind> | null = null;

/** Dotted path under params (e.g. "mediation.grid.staffPer1000") -> kind, for every governance leaf. */
export function governanceParamKinds(): Record<string, ParamKind> {
  if (cached) return cached;
  const root = scenarioJsonSchema() as { oneOf?: Node[] };
  const branch = root.oneOf?.find((o) => (o.properties?.model as { const?: string } | undefined)?.const === 'governance');
  const out: Record<string, ParamKind> = {};
  const walk = (n: Node, path: string[]) => {
    if (n.kind) {
      out[path.join('.')] = n.kind;
      return;
    }
    if (n.properties) for (const [k, v] of Object.entries(n.properties)) walk(v, [...path, k]);
  };
  const params = branch?.properties?.params;
  if (params) walk(params, []);
  cached = out;
  return out;
}

export { valueAt } from './levers';
