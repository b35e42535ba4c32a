/** Text and attribute values for SVG/XML written as strings (never parsed as HTML). */
const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text or an attribute value; drops characters XML 1.0 does not allow. */
export function xmlEscape(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A number as SVG writes it: at most 3 decimals, no "-0". */
export function n(x: number): string {
  const r = Math.round(x * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
}

/** ` name="value"` for each defined attribute, escaped. */
export function attrs(a: Readonly<Record<string, string | number | undefined | null>>): string {
  let out = '';
  for (const [k, v] of Object.entries(a)) if (v !== undefined && v !== null && v !== '') out += ` ${k}="${xmlEscape(typeof v === 'number' ? n(v) : v)}"`;
  return out;
}
