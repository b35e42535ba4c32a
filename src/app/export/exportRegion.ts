/** Exports a region of the page (or the whole page) as SVG or PNG, for slides (loaded on the first export). */
import { elementToSvg, embeddedFonts, svgToPng } from './domToSvg';
import type { CanvasExports } from './canvasExports';
import { saveFile } from '../saveFile';
import type { ExportFormat } from './formats';
import { SvgContext } from './svgContext';

/** The fonts the page uses (public/fonts), embedded in every SVG. */
const FONTS = [
  { family: 'IBM Plex Sans', weight: 400, url: './fonts/ibm-plex-sans-latin-400-normal.woff2' },
  { family: 'IBM Plex Sans', weight: 600, url: './fonts/ibm-plex-sans-latin-600-normal.woff2' },
  { family: 'IBM Plex Mono', weight: 400, url: './fonts/ibm-plex-mono-latin-400-normal.woff2' },
] as const;

let scratch: CanvasRenderingContext2D | null = null;

function measure(text: string, font: string): number {
  scratch ??= document.createElement('canvas').getContext('2d');
  if (!scratch) return text.length * 7;
  scratch.font = font;
  return scratch.measureText(text).width;
}

/** A canvas drawn again by its view into an SvgContext, or null when its view registered no drawing. */
function vectors(canvas: HTMLCanvasElement, canvases: CanvasExports): string | null {
  const draw = canvases.drawOf(canvas);
  if (!draw) return null;
  const r = canvas.getBoundingClientRect();
  const ctx = new SvgContext(r.width, r.height, measure, { width: r.width, height: r.height });
  draw(ctx, r.width, r.height);
  return ctx.elements();
}

/** Renders `el` in `format`; returns the file (name and contents) without saving it. */
export async function renderRegion(el: Element, title: string, baseName: string, format: ExportFormat, canvases: CanvasExports): Promise<{ name: string; blob: Blob }> {
  const svg = elementToSvg(el, title, (c) => vectors(c, canvases), await embeddedFonts(FONTS));
  if (format === 'svg') return { name: `${baseName}.svg`, blob: new Blob([svg], { type: 'image/svg+xml' }) };
  const r = el.getBoundingClientRect();
  const scale = format === 'png2x' ? 2 : 1;
  return { name: `${baseName}${scale === 2 ? '@2x' : ''}.png`, blob: await svgToPng(svg, r.width, r.height, scale) };
}

/** Renders and saves; returns an error text or null. */
export async function exportRegion(el: Element, title: string, baseName: string, format: ExportFormat, canvases: CanvasExports): Promise<string | null> {
  try {
    const file = await renderRegion(el, title, baseName, format, canvases);
    saveFile(file.blob, file.name);
    return null;
  } catch (e) {
    return `The ${format === 'svg' ? 'SVG' : 'PNG'} of ${title} could not be made: ${e instanceof Error ? e.message : String(e)}`;
  }
}
