/**
 * A small XML reader for configuration files (Hobbes' enclave files): elements, attributes in
 * single or double quotes, text, comments, a `<?xml ...?>` prolog and the five predefined
 * entities. Every element, attribute and text keeps its place in the input so that problems can
 * be underlined. No namespaces, DTDs or CDATA: a configuration file needs none.
 */
import { diag, type Diagnostic } from '../../config/diagnostic';

export interface XmlAttr {
  readonly name: string;
  readonly value: string;
  /** The whole attribute, name to closing quote. */
  readonly start: number;
  readonly end: number;
  /** The value between the quotes. */
  readonly valueStart: number;
  readonly valueEnd: number;
}

export interface XmlElement {
  readonly name: string;
  /** From `<` of the start tag to `>` of the end tag. */
  readonly start: number;
  end: number;
  readonly nameStart: number;
  readonly nameEnd: number;
  readonly attrs: XmlAttr[];
  readonly children: XmlElement[];
  /** Text directly inside the element (entities decoded, trimmed) and where it is. */
  text: string;
  textStart: number;
  textEnd: number;
}

export type XmlParse = { readonly ok: true; readonly root: XmlElement } | { readonly ok: false; readonly errors: readonly Diagnostic[] };

const NAME = /[A-Za-z_][\w.-]*/y;
const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(raw: string, at: number): string | Diagnostic {
  let bad: Diagnostic | null = null;
  const out = raw.replace(/&([a-z]+);|&/g, (m: string, name: string | undefined, offset: number) => {
    if (name !== undefined && Object.hasOwn(ENTITIES, name)) return ENTITIES[name];
    bad ??= diag(`unknown entity '${m}': use &lt; &gt; &amp; &quot; or &apos;`, at + offset, at + offset + m.length);
    return m;
  });
  return bad ?? out;
}

export function parseXml(text: string): XmlParse {
  const fail = (message: string, start: number, end: number): XmlParse => ({ ok: false, errors: [diag(message, start, Math.min(text.length, Math.max(end, start + 1)))] });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let i = 0;
  const readName = (at: number): string | null => {
    NAME.lastIndex = at;
    const m = NAME.exec(text);
    return m ? m[0] : null;
  };
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  while (i < text.length) {
    if (text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      if (close < 0) return fail('comment not closed: end it with -->', i, i + 4);
      i = close + 3;
      continue;
    }
    if (text.startsWith('<?', i)) {
      const close = text.indexOf('?>', i + 2);
      if (close < 0 || root !== null || stack.length > 0) return fail('a <?...?> declaration is only allowed first, and must end with ?>', i, i + 2);
      i = close + 2;
      continue;
    }
    if (text.startsWith('</', i)) {
      const at = i;
      const name = readName(i + 2);
      const open = stack[stack.length - 1];
      if (name === null) return fail('expected an element name after </', at, at + 2);
      i += 2 + name.length;
      skipSpace();
      if (text[i] !== '>') return fail(`expected > to end </${name}`, i, i + 1);
      i++;
      if (!open) return fail(`</${name}> closes nothing`, at, i);
      if (open.name !== name) return fail(`</${name}> does not close <${open.name}> (opened at character ${open.start + 1})`, at, i);
      open.end = i;
      stack.pop();
      continue;
    }
    if (text[i] === '<') {
      const at = i;
      const name = readName(i + 1);
      if (name === null) return fail('expected an element name after <', at, at + 1);
      if (stack.length === 0 && root !== null) return fail(`a second top-level element <${name}>: a file holds one (the first is <${root.name}>)`, at, at + 1 + name.length);
      const el: XmlElement = { name, start: at, end: -1, nameStart: at + 1, nameEnd: at + 1 + name.length, attrs: [], children: [], text: '', textStart: -1, textEnd: -1 };
      i = el.nameEnd;
      for (;;) {
        const before = i;
        skipSpace();
        if (text.startsWith('/>', i)) {
          i += 2;
          el.end = i;
          break;
        }
        if (text[i] === '>') {
          i++;
          break;
        }
        if (i >= text.length) return fail(`<${name}> is not closed: end the tag with > or />`, at, el.nameEnd);
        const attrName = readName(i);
        if (attrName === null || i === before) return fail(`expected an attribute (name="value"), > or /> in <${name}>`, i, i + 1);
        const attrStart = i;
        i += attrName.length;
        skipSpace();
        if (text[i] !== '=') return fail(`attribute ${attrName} needs a value: ${attrName}="..."`, attrStart, i);
        i++;
        skipSpace();
        const quote = text[i];
        if (quote !== '"' && quote !== "'") return fail(`the value of ${attrName} must be in quotes`, i, i + 1);
        const close = text.indexOf(quote, i + 1);
        if (close < 0) return fail(`the value of ${attrName} is not closed: end it with ${quote}`, i, i + 1);
        const value = decode(text.slice(i + 1, close), i + 1);
        if (typeof value !== 'string') return { ok: false, errors: [value] };
        if (el.attrs.some((a) => a.name === attrName)) return fail(`attribute ${attrName} given twice`, attrStart, close + 1);
        el.attrs.push({ name: attrName, value, start: attrStart, end: close + 1, valueStart: i + 1, valueEnd: close });
        i = close + 1;
      }
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(el);
      else root = el;
      if (el.end < 0) stack.push(el);
      continue;
    }
    // Text up to the next tag.
    const next = text.indexOf('<', i);
    const stop = next < 0 ? text.length : next;
    const raw = text.slice(i, stop);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed !== '') {
      const open = stack[stack.length - 1];
      const start = i + lead;
      if (!open) return fail('text outside the top-level element', start, start + trimmed.length);
      const value = decode(trimmed, start);
      if (typeof value !== 'string') return { ok: false, errors: [value] };
      if (open.textStart >= 0) return fail(`<${open.name}> holds text in two places`, start, start + trimmed.length);
      open.text = value;
      open.textStart = start;
      open.textEnd = start + trimmed.length;
    }
    i = stop;
  }
  if (stack.length > 0) {
    const open = stack[stack.length - 1];
    return fail(`<${open.name}> is never closed: add </${open.name}>`, open.start, open.nameEnd);
  }
  if (!root) return fail('no element: expected <enclave ...>', 0, text.length);
  return { ok: true, root };
}

/** A value given as an attribute or as a child element's text (Hobbes reads both), with its place. */
export interface XmlValue {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** `el`'s value named `tag` (attribute or child text); an error if both are given. */
export function valueOf(el: XmlElement, tag: string): XmlValue | Diagnostic | undefined {
  const attr = el.attrs.find((a) => a.name === tag);
  const child = el.children.find((c) => c.name === tag);
  if (attr && child) return diag(`${tag} is given both as an attribute and as <${tag}>: give it once`, child.start, child.end);
  if (attr) return { text: attr.value, start: attr.valueStart, end: attr.valueEnd };
  if (child) return child.textStart >= 0 ? { text: child.text, start: child.textStart, end: child.textEnd } : { text: '', start: child.start, end: child.end };
  return undefined;
}

export function isDiagnostic(v: unknown): v is Diagnostic {
  return typeof v === 'object' && v !== null && 'message' in v;
}
