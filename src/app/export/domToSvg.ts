/**
 * Turns a region of the page into a self-contained SVG made of plain shapes and text (no
 * foreignObject, so slide software and vector editors read it too): boxes with a background or
 * a border become rectangles, each line of text a <text> at its place, inline SVG is copied with
 * its computed paint, and each canvas becomes the vector drawing its view registered (or, for a
 * canvas without one, its bitmap). Fonts are embedded, so it renders the same elsewhere.
 */
import { attrs, n, xmlEscape } from './xml';

/** A canvas's drawing as SVG elements in its own CSS-pixel coordinates, or null to embed its bitmap. */
export type CanvasVectors = (canvas: HTMLCanvasElement) => string | null;

interface Box {
  readonly left: number;
  readonly top: number;
}

const TRANSPARENT = /^(transparent|rgba\(0, 0, 0, 0\))$/;
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

function visible(style: CSSStyleDeclaration): boolean {
  return style.display !== 'none' && style.visibility !== 'hidden' && Number(style.opacity) > 0;
}

/** Elements hidden for sighted users (hidden tables for screen readers) stay out of pictures. */
function visuallyHidden(el: Element, style: CSSStyleDeclaration): boolean {
  return el.classList.contains('visually-hidden') || (style.position === 'absolute' && style.clipPath !== 'none' && style.clipPath !== '') || style.clip === 'rect(0px, 0px, 0px, 0px)';
}

function boxShape(el: Element, style: CSSStyleDeclaration, origin: Box): string {
  const r = el.getBoundingClientRect();
  if (r.width <= 0 || r.height <= 0) return '';
  const bg = style.backgroundColor;
  const bw = parseFloat(style.borderTopWidth) || 0;
  const hasBorder = bw > 0 && style.borderTopStyle !== 'none' && !TRANSPARENT.test(style.borderTopColor);
  const hasBg = !TRANSPARENT.test(bg);
  if (!hasBg && !hasBorder) return '';
  const radius = parseFloat(style.borderTopLeftRadius) || 0;
  const inset = hasBorder ? bw / 2 : 0;
  return `<rect${attrs({
    x: r.left - origin.left + inset,
    y: r.top - origin.top + inset,
    width: Math.max(0, r.width - 2 * inset),
    height: Math.max(0, r.height - 2 * inset),
    rx: radius || undefined,
    fill: hasBg ? bg : 'none',
    stroke: hasBorder ? style.borderTopColor : undefined,
    'stroke-width': hasBorder ? bw : undefined,
    'stroke-dasharray': hasBorder && style.borderTopStyle === 'dashed' ? `${n(bw * 3)} ${n(bw * 2)}` : undefined,
  })}/>`;
}

function fontOf(style: CSSStyleDeclaration): Record<string, string> {
  return {
    'font-family': style.fontFamily.replace(/"/g, "'"),
    'font-size': style.fontSize.replace('px', ''),
    'font-weight': style.fontWeight === '400' ? '' : style.fontWeight,
    'font-style': style.fontStyle === 'normal' ? '' : style.fontStyle,
  };
}

/** One <text> per line box of a text node (words grouped by the line they sit on). */
function textShapes(node: Text, style: CSSStyleDeclaration, origin: Box): string {
  const text = node.data;
  if (!text.trim()) return '';
  const range = document.createRange();
  const lines: { top: number; bottom: number; left: number; words: string[] }[] = [];
  const re = /\S+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    range.setStart(node, m.index);
    range.setEnd(node, m.index + m[0].length);
    const rects = range.getClientRects();
    if (rects.length === 0) continue;
    const r = rects[0];
    if (r.width === 0 && r.height === 0) continue;
    const line = lines.find((l) => Math.abs(l.top - r.top) < 2);
    if (line) line.words.push(m[0]);
    else lines.push({ top: r.top, bottom: r.bottom, left: r.left, words: [m[0]] });
  }
  const pre = style.whiteSpace.startsWith('pre');
  return lines
    .map((l) => {
      // The baseline sits about 80 % down the line box for these fonts.
      const y = l.top + (l.bottom - l.top) * 0.8 - origin.top;
      const content = pre ? text.trim() : l.words.join(' ');
      return `<text${attrs({ x: l.left - origin.left, y, ...fontOf(style), fill: style.color, 'xml:space': pre ? 'preserve' : undefined })}>${xmlEscape(content)}</text>`;
    })
    .join('');
}

/** A checkbox or radio button drawn as the browser does (its native look has no CSS box). */
function toggleShape(el: HTMLInputElement, style: CSSStyleDeclaration, origin: Box): string {
  const r = el.getBoundingClientRect();
  const x = r.left - origin.left;
  const y = r.top - origin.top;
  const size = Math.min(r.width, r.height);
  const ink = style.accentColor && style.accentColor !== 'auto' ? style.accentColor : style.color;
  if (el.type === 'radio') {
    const c = { cx: x + r.width / 2, cy: y + r.height / 2 };
    return `<circle${attrs({ ...c, r: size / 2 - 0.5, fill: 'none', stroke: style.color, 'stroke-width': 1 })}/>${el.checked ? `<circle${attrs({ ...c, r: size / 4, fill: ink })}/>` : ''}`;
  }
  const box = `<rect${attrs({ x: x + 0.5, y: y + 0.5, width: size - 1, height: size - 1, rx: 2, fill: el.checked ? ink : 'none', stroke: el.checked ? ink : style.color, 'stroke-width': 1 })}/>`;
  const tick = el.checked ? `<path${attrs({ d: `M${n(x + size * 0.22)} ${n(y + size * 0.52)}L${n(x + size * 0.42)} ${n(y + size * 0.72)}L${n(x + size * 0.78)} ${n(y + size * 0.3)}`, fill: 'none', stroke: '#ffffff', 'stroke-width': 2 })}/>` : '';
  return box + tick;
}

/** A form control's visible text (selects and inputs draw it themselves). */
function controlText(el: Element, style: CSSStyleDeclaration, origin: Box): string {
  let value = '';
  if (el instanceof HTMLSelectElement) value = el.selectedOptions[0]?.text ?? '';
  else if (el instanceof HTMLInputElement && el.type !== 'range' && el.type !== 'checkbox' && el.type !== 'radio' && el.type !== 'file') value = el.value;
  else if (el instanceof HTMLTextAreaElement) value = el.value.split('\n')[0];
  if (!value) return '';
  const r = el.getBoundingClientRect();
  const pad = parseFloat(style.paddingLeft) || 0;
  const fs = parseFloat(style.fontSize) || 13;
  return `<text${attrs({ x: r.left - origin.left + pad + (parseFloat(style.borderLeftWidth) || 0), y: r.top - origin.top + r.height / 2 + fs * 0.35, ...fontOf(style), fill: style.color })}>${xmlEscape(value)}</text>`;
}

const SVG_PAINT = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'fill-opacity', 'stroke-opacity', 'font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline'] as const;

/** An inline SVG (d3's plots): a copy with each element's computed paint written as attributes. */
function inlineSvg(svg: SVGSVGElement, origin: Box): string {
  const r = svg.getBoundingClientRect();
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((o, i) => {
    const c = copies[i];
    const style = getComputedStyle(o);
    for (const p of SVG_PAINT) {
      const v = style.getPropertyValue(p);
      if (v && v !== 'normal' && v !== 'auto') c.setAttribute(p, v);
    }
    c.removeAttribute('class');
    c.removeAttribute('style');
    if (style.display === 'none') c.setAttribute('display', 'none');
  });
  copy.setAttribute('x', n(r.left - origin.left));
  copy.setAttribute('y', n(r.top - origin.top));
  copy.setAttribute('width', n(r.width));
  copy.setAttribute('height', n(r.height));
  if (!copy.hasAttribute('viewBox')) copy.setAttribute('viewBox', `0 0 ${n(r.width)} ${n(r.height)}`);
  copy.removeAttribute('xmlns');
  return new XMLSerializer().serializeToString(copy).replace(/ xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, '');
}

function canvasShape(canvas: HTMLCanvasElement, origin: Box, vectors: CanvasVectors): string {
  const r = canvas.getBoundingClientRect();
  if (r.width <= 0 || r.height <= 0) return '';
  const place = { x: r.left - origin.left, y: r.top - origin.top, width: r.width, height: r.height };
  const drawn = vectors(canvas);
  if (drawn !== null) return `<svg${attrs({ ...place, viewBox: `0 0 ${n(r.width)} ${n(r.height)}`, overflow: 'hidden' })}>${drawn}</svg>`;
  return `<image${attrs({ ...place, href: canvas.toDataURL('image/png'), preserveAspectRatio: 'none' })}/>`;
}

function walk(el: Element, origin: Box, vectors: CanvasVectors, out: string[]): void {
  if (SKIP_TAGS.has(el.tagName)) return;
  const style = getComputedStyle(el);
  if (!visible(style) || visuallyHidden(el, style)) return;
  out.push(boxShape(el, style, origin));
  if (el instanceof HTMLCanvasElement) return void out.push(canvasShape(el, origin, vectors));
  if (el instanceof SVGSVGElement) return void out.push(inlineSvg(el, origin));
  if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) return void out.push(toggleShape(el, style, origin));
  if (el instanceof HTMLSelectElement || el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) return void out.push(controlText(el, style, origin));
  for (const child of el.childNodes) {
    if (child instanceof Text) out.push(textShapes(child, style, origin));
    else if (child instanceof Element) walk(child, origin, vectors, out);
  }
}

/** `@font-face` rules for the page's fonts with their files inlined (data: URLs). */
export async function embeddedFonts(urls: readonly { family: string; weight: number; url: string }[]): Promise<string> {
  const rules = await Promise.all(
    urls.map(async (f) => {
      try {
        const bytes = new Uint8Array(await (await fetch(f.url)).arrayBuffer());
        let binary = '';
        for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return `@font-face{font-family:'${f.family}';font-weight:${f.weight};src:url(data:font/woff2;base64,${btoa(binary)}) format('woff2');}`;
      } catch {
        return ''; // a font that cannot be read falls back to the viewer's own
      }
    }),
  );
  return rules.join('');
}

/** The SVG of `el` as it is on screen now, `title` for its <title>, with `fontCss` embedded. */
export function elementToSvg(el: Element, title: string, vectors: CanvasVectors, fontCss: string): string {
  const r = el.getBoundingClientRect();
  const origin = { left: r.left, top: r.top };
  const out: string[] = [];
  const pageBg = getComputedStyle(document.body).backgroundColor;
  out.push(`<rect${attrs({ x: 0, y: 0, width: r.width, height: r.height, fill: TRANSPARENT.test(pageBg) ? '#ffffff' : pageBg })}/>`);
  walk(el, origin, vectors, out);
  const style = fontCss ? `<style>${xmlEscape(fontCss).replace(/&apos;/g, "'")}</style>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg"${attrs({ width: r.width, height: r.height, viewBox: `0 0 ${n(r.width)} ${n(r.height)}` })}><title>${xmlEscape(title)}</title>${style}${out.join('')}</svg>`;
}

/** Rasterises an SVG document to PNG at `scale` times its size. */
export async function svgToPng(svg: string, width: number, height: number, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be encoded'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
