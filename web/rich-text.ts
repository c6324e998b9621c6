/**
 * A little markup in translated texts (web/i18n/presets-zh.ts), turned into DOM nodes: ⟦…⟧ is a
 * bibliographic citation kept in its original language (a <cite lang="en">, so screen readers and the
 * language check of test/e2e know it is English on purpose), `…` is code (a parameter path, a command).
 * Everything else is plain text: nothing here becomes HTML, so a scenario file's text cannot inject any.
 */

/** The parts of a marked text, in order. Unclosed marks are left as text. */
export function parseRich(text: string): { kind: 'text' | 'cite' | 'code'; text: string }[] {
  const out: { kind: 'text' | 'cite' | 'code'; text: string }[] = [];
  const re = /⟦([^⟧]*)⟧|`([^`]*)`/g;
  let at = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > at) out.push({ kind: 'text', text: text.slice(at, m.index) });
    out.push(m[1] !== undefined ? { kind: 'cite', text: m[1] } : { kind: 'code', text: m[2] });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ kind: 'text', text: text.slice(at) });
  return out;
}

/** The same text with the marks removed (for a title attribute or an option). */
export function plainText(text: string): string {
  return parseRich(text)
    .map((p) => p.text)
    .join('');
}

/** DOM nodes of a marked text. */
export function richNodes(text: string): Node[] {
  return parseRich(text).map((p) => {
    if (p.kind === 'text') return document.createTextNode(p.text);
    const el = document.createElement(p.kind);
    el.textContent = p.text;
    if (p.kind === 'cite') el.lang = 'en';
    else el.setAttribute('translate', 'no');
    return el;
  });
}
