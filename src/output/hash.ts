/**
 * SHA-256 through the Web Crypto API, which Node 20 and browsers both provide, so a manifest's hashes
 * are computed the same way in a worker thread and in a browser tab.
 */
const encoder = new TextEncoder();

export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  let hex = '';
  for (const b of new Uint8Array(digest)) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

/** A copy of `value` with object keys sorted at every level (canonicalJson's order, as a value). */
export function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

/** The text an output hash is taken over: one `<hash>  <name>` line per file, in the files' order. */
export function outputHashInput(hashes: Record<string, string>): string {
  return Object.keys(hashes)
    .map((n) => `${hashes[n]}  ${n}\n`)
    .join('');
}
