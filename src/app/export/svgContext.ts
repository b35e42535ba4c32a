/**
 * A drawing context with the part of CanvasRenderingContext2D the views use, which writes SVG
 * elements instead of pixels: a view's own drawing code, given this context, produces a vector
 * SVG of what it draws on screen (exports for slides). Each element carries the current
 * transform as a matrix, so arcs and text stay exact under the views' device-pixel scaling.
 */
import { attrs, n, xmlEscape } from './xml';

type Matrix = readonly [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

interface State {
  fillStyle: string;
  strokeStyle: string;
  lineWidth: number;
  lineJoin: CanvasLineJoin;
  lineCap: CanvasLineCap;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  globalAlpha: number;
  dash: number[];
  transform: Matrix;
  /** id of the clip path in force, or null. */
  clip: string | null;
}

const ANCHOR: Readonly<Record<CanvasTextAlign, string>> = { left: 'start', start: 'start', center: 'middle', right: 'end', end: 'end' };
const BASELINE: Readonly<Record<CanvasTextBaseline, string>> = {
  top: 'text-before-edge', hanging: 'hanging', middle: 'central', alphabetic: 'alphabetic', ideographic: 'ideographic', bottom: 'text-after-edge',
};

function multiply(a: Matrix, b: Matrix): Matrix {
  return [a[0] * b[0] + a[2] * b[1], a[1] * b[0] + a[3] * b[1], a[0] * b[2] + a[2] * b[3], a[1] * b[2] + a[3] * b[3], a[0] * b[4] + a[2] * b[5] + a[4], a[1] * b[4] + a[3] * b[5] + a[5]];
}

/** Splits a CSS font shorthand ("600 13px 'IBM Plex Sans', sans-serif") into SVG attributes. */
export function fontAttrs(font: string): { 'font-family': string; 'font-size': string; 'font-weight'?: string; 'font-style'?: string } {
  const m = /^\s*((?:(?:italic|oblique|normal|bold|bolder|lighter|\d{3}|small-caps)\s+)*)(\d+(?:\.\d+)?)px(?:\/\S+)?\s+(.+)$/.exec(font);
  if (!m) return { 'font-family': 'sans-serif', 'font-size': '10' };
  const words = m[1].trim().split(/\s+/).filter(Boolean);
  const weight = words.find((w) => /^(bold|bolder|lighter|\d{3})$/.test(w));
  const style = words.find((w) => w === 'italic' || w === 'oblique');
  return { 'font-family': m[3].replace(/"/g, "'"), 'font-size': m[2], ...(weight ? { 'font-weight': weight } : {}), ...(style ? { 'font-style': style } : {}) };
}

export class SvgContext {
  private readonly parts: string[] = [];
  private readonly defs: string[] = [];
  private path = '';
  private state: State = { fillStyle: '#000000', strokeStyle: '#000000', lineWidth: 1, lineJoin: 'miter', lineCap: 'butt', font: '10px sans-serif', textAlign: 'start', textBaseline: 'alphabetic', globalAlpha: 1, dash: [], transform: IDENTITY, clip: null };
  private readonly stack: State[] = [];
  private clips = 0;
  imageSmoothingEnabled = true;
  /** Tells drawing code that writes pixels (putImageData) to draw shapes instead. */
  readonly vector = true;

  constructor(
    /** Width and height in CSS pixels (the SVG's viewBox). */
    readonly width: number,
    readonly height: number,
    /** Measures text as the screen would (a real canvas's measureText in the browser). */
    private readonly measure: (text: string, font: string) => number,
    /** The canvas the view thinks it draws on (some read its size). */
    readonly canvas: { width: number; height: number } = { width, height },
  ) {}

  // ---- state ----
  get fillStyle(): string { return this.state.fillStyle; }
  set fillStyle(v: string | CanvasGradient | CanvasPattern) { if (typeof v === 'string') this.state.fillStyle = v; }
  get strokeStyle(): string { return this.state.strokeStyle; }
  set strokeStyle(v: string | CanvasGradient | CanvasPattern) { if (typeof v === 'string') this.state.strokeStyle = v; }
  get lineWidth(): number { return this.state.lineWidth; }
  set lineWidth(v: number) { if (v > 0 && Number.isFinite(v)) this.state.lineWidth = v; }
  get lineJoin(): CanvasLineJoin { return this.state.lineJoin; }
  set lineJoin(v: CanvasLineJoin) { this.state.lineJoin = v; }
  get lineCap(): CanvasLineCap { return this.state.lineCap; }
  set lineCap(v: CanvasLineCap) { this.state.lineCap = v; }
  get font(): string { return this.state.font; }
  set font(v: string) { this.state.font = v; }
  get textAlign(): CanvasTextAlign { return this.state.textAlign; }
  set textAlign(v: CanvasTextAlign) { this.state.textAlign = v; }
  get textBaseline(): CanvasTextBaseline { return this.state.textBaseline; }
  set textBaseline(v: CanvasTextBaseline) { this.state.textBaseline = v; }
  get globalAlpha(): number { return this.state.globalAlpha; }
  set globalAlpha(v: number) { if (v >= 0 && v <= 1) this.state.globalAlpha = v; }

  save(): void { this.stack.push({ ...this.state, dash: [...this.state.dash] }); }
  restore(): void { const s = this.stack.pop(); if (s) this.state = s; }
  setLineDash(segments: number[]): void { this.state.dash = segments.filter((x) => Number.isFinite(x) && x >= 0); }
  getLineDash(): number[] { return [...this.state.dash]; }
  setTransform(a: number | DOMMatrix2DInit = 1, b = 0, c = 0, d = 1, e = 0, f = 0): void {
    this.state.transform = typeof a === 'number' ? [a, b, c, d, e, f] : [a.a ?? 1, a.b ?? 0, a.c ?? 0, a.d ?? 1, a.e ?? 0, a.f ?? 0];
  }
  resetTransform(): void { this.state.transform = IDENTITY; }
  transform(a: number, b: number, c: number, d: number, e: number, f: number): void { this.state.transform = multiply(this.state.transform, [a, b, c, d, e, f]); }
  translate(x: number, y: number): void { this.transform(1, 0, 0, 1, x, y); }
  scale(x: number, y: number): void { this.transform(x, 0, 0, y, 0, 0); }

  // ---- paths ----
  beginPath(): void { this.path = ''; }
  closePath(): void { this.path += 'Z'; }
  moveTo(x: number, y: number): void { this.path += `M${n(x)} ${n(y)}`; }
  lineTo(x: number, y: number): void { this.path += `${this.path ? 'L' : 'M'}${n(x)} ${n(y)}`; }
  quadraticCurveTo(cx: number, cy: number, x: number, y: number): void { this.path += `Q${n(cx)} ${n(cy)} ${n(x)} ${n(y)}`; }
  bezierCurveTo(c1x: number, c1y: number, c2x: number, c2y: number, x: number, y: number): void { this.path += `C${n(c1x)} ${n(c1y)} ${n(c2x)} ${n(c2y)} ${n(x)} ${n(y)}`; }
  rect(x: number, y: number, w: number, h: number): void { this.path += `M${n(x)} ${n(y)}h${n(w)}v${n(h)}h${n(-w)}Z`; }
  roundRect(x: number, y: number, w: number, h: number, radii: number | DOMPointInit | (number | DOMPointInit)[] = 0): void {
    const r0 = Array.isArray(radii) ? radii[0] : radii;
    const r = Math.max(0, Math.min(typeof r0 === 'number' ? r0 : (r0?.x ?? 0), Math.abs(w) / 2, Math.abs(h) / 2));
    if (r === 0) return this.rect(x, y, w, h);
    this.path += `M${n(x + r)} ${n(y)}H${n(x + w - r)}A${n(r)} ${n(r)} 0 0 1 ${n(x + w)} ${n(y + r)}V${n(y + h - r)}A${n(r)} ${n(r)} 0 0 1 ${n(x + w - r)} ${n(y + h)}H${n(x + r)}A${n(r)} ${n(r)} 0 0 1 ${n(x)} ${n(y + h - r)}V${n(y + r)}A${n(r)} ${n(r)} 0 0 1 ${n(x + r)} ${n(y)}Z`;
  }
  arc(x: number, y: number, r: number, start: number, end: number, ccw = false): void {
    if (!(r > 0)) return;
    let sweep = ccw ? start - end : end - start;
    const full = sweep >= 2 * Math.PI || sweep <= -2 * Math.PI;
    sweep = full ? 2 * Math.PI : ((sweep % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
    const sx = x + r * Math.cos(start);
    const sy = y + r * Math.sin(start);
    this.path += `${this.path ? 'L' : 'M'}${n(sx)} ${n(sy)}`;
    const flag = ccw ? 0 : 1;
    if (full) {
      // Two half circles: one SVG arc cannot start and end at the same point.
      const mx = x - r * Math.cos(start);
      const my = y - r * Math.sin(start);
      this.path += `A${n(r)} ${n(r)} 0 1 ${flag} ${n(mx)} ${n(my)}A${n(r)} ${n(r)} 0 1 ${flag} ${n(sx)} ${n(sy)}`;
      return;
    }
    const ex = x + r * Math.cos(end);
    const ey = y + r * Math.sin(end);
    this.path += `A${n(r)} ${n(r)} 0 ${sweep > Math.PI ? 1 : 0} ${flag} ${n(ex)} ${n(ey)}`;
  }

  fill(): void { if (this.path) this.emit('path', { d: this.path, fill: this.state.fillStyle }); }
  stroke(): void { if (this.path) this.emit('path', { d: this.path, ...this.strokeAttrs() }); }
  clip(): void {
    if (!this.path) return;
    const id = `clip${++this.clips}`;
    this.defs.push(`<clipPath id="${id}"><path${attrs({ d: this.path, transform: this.matrixAttr() })}/></clipPath>`);
    this.state.clip = id;
  }

  // ---- rectangles and text ----
  fillRect(x: number, y: number, w: number, h: number): void { this.emit('rect', { ...this.rectAttrs(x, y, w, h), fill: this.state.fillStyle }); }
  strokeRect(x: number, y: number, w: number, h: number): void { this.emit('rect', { ...this.rectAttrs(x, y, w, h), ...this.strokeAttrs() }); }
  /** Clearing the whole canvas forgets what was drawn (a redraw follows); a partial clear leaves a hole only on screen. */
  clearRect(x: number, y: number, w: number, h: number): void {
    const [a, b, c, d, e, f] = this.state.transform;
    const left = a * x + c * y + e;
    const top = b * x + d * y + f;
    if (left <= 0 && top <= 0 && left + a * w >= this.canvas.width && top + d * h >= this.canvas.height) {
      this.parts.length = 0;
    }
  }
  fillText(text: string, x: number, y: number): void { this.text(text, x, y, { fill: this.state.fillStyle }); }
  strokeText(text: string, x: number, y: number): void { this.text(text, x, y, { fill: 'none', ...this.strokeAttrs() }); }
  measureText(text: string): TextMetrics {
    return { width: this.measure(text, this.state.font) } as TextMetrics;
  }
  /** Bitmaps (a cached backdrop) are embedded as images: a view's export draws them as vectors instead where it can. */
  drawImage(image: CanvasImageSource, dx: number, dy: number, dw?: number, dh?: number): void {
    if (!(image instanceof HTMLCanvasElement)) return;
    this.emit('image', { href: image.toDataURL('image/png'), x: dx, y: dy, width: dw ?? image.width, height: dh ?? image.height, preserveAspectRatio: 'none' });
  }
  putImageData(): void {
    // Pixel-level drawing has no vector form; views that use it export through their vector path.
  }

  /** The SVG document of everything drawn since the last full clear. */
  toSvg(title: string): string {
    const defs = this.defs.length ? `<defs>${this.defs.join('')}</defs>` : '';
    return `<svg xmlns="http://www.w3.org/2000/svg"${attrs({ width: this.width, height: this.height, viewBox: `0 0 ${n(this.width)} ${n(this.height)}` })}><title>${xmlEscape(title)}</title>${defs}${this.parts.join('')}</svg>`;
  }

  /** The elements alone (to nest in a larger SVG). */
  elements(): string {
    return (this.defs.length ? `<defs>${this.defs.join('')}</defs>` : '') + this.parts.join('');
  }

  private text(text: string, x: number, y: number, paint: Record<string, string | number>): void {
    const body = xmlEscape(text);
    const a = attrs({ x, y, ...fontAttrs(this.state.font), 'text-anchor': ANCHOR[this.state.textAlign], 'dominant-baseline': BASELINE[this.state.textBaseline], ...paint, ...this.common() });
    this.push(`<text${a}>${body}</text>`);
  }

  private rectAttrs(x: number, y: number, w: number, h: number) {
    return { x: Math.min(x, x + w), y: Math.min(y, y + h), width: Math.abs(w), height: Math.abs(h) };
  }

  private strokeAttrs(): Record<string, string | number> {
    const s = this.state;
    return { fill: 'none', stroke: s.strokeStyle, 'stroke-width': s.lineWidth, 'stroke-linejoin': s.lineJoin === 'miter' ? '' : s.lineJoin, 'stroke-linecap': s.lineCap === 'butt' ? '' : s.lineCap, 'stroke-dasharray': s.dash.length ? s.dash.map(n).join(' ') : '' };
  }

  private matrixAttr(): string | undefined {
    const t = this.state.transform;
    return t.every((v, i) => v === IDENTITY[i]) ? undefined : `matrix(${t.map(n).join(' ')})`;
  }

  private common(): Record<string, string | number | undefined> {
    return { transform: this.matrixAttr(), opacity: this.state.globalAlpha < 1 ? this.state.globalAlpha : undefined };
  }

  /** A clipped element goes in a group: the clip path is in canvas coordinates, the element's own transform inside. */
  private push(element: string): void {
    this.parts.push(this.state.clip ? `<g clip-path="url(#${this.state.clip})">${element}</g>` : element);
  }

  private emit(tag: string, a: Record<string, string | number | undefined>): void {
    if (this.state.globalAlpha === 0) return;
    this.push(`<${tag}${attrs({ ...a, ...this.common() })}/>`);
  }
}
