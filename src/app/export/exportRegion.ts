/** Exports a region of the page (or the whole page) as SVG or PNG, for slides. */
import { elementToSvg, embeddedFonts, svgToPng } from './domToSvg';
import type { CanvasExports } from './canvasExports';

/** The fonts the page uses (public/fonts), embedded in every SVG. */
const FONTS = [
  { family: 'IBM Plex Sans', weight: 400, url: './fonts/ibm-plex-sans-latin-400-normal.woff2' },
  { family: 'IBM Plex Sans', weight: 600, url: './fonts/ibm-plex-sans-latin-600-normal.woff2' },
  { family: 'IBM Plex Mono', weight: 400, url: './fonts/ibm-plex-mono-latin-400-normal.woff2' },
] as const;

export type ExportFormat = 'svg' | 'png1x' | 'png2x';

export const EXPORT_FORMATS: readonly { readonly format: ExportFormat; readonly label: string }[] = [
  { format: 'png1x', label: 'PNG (1x)' },
  { format: 'png2x', label: 'PNG (2x)' },
  { format: 'svg', label: 'SVG (vector)' },
];

/** A file name that says what and when: view, preset, seed and simulated time. */
export function exportBaseName(view: string, preset: string, seed: number, timeNs: number | null): string {
  const t = timeNs === null ? '' : `-t${(timeNs / 1e6).toFixed(3)}ms`;
  return `mos-explorer-${view}-${preset}-seed${seed}${t}`.replace(/[^A-Za-z0-9._-]/g, '_');
}

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Renders `el` in `format`; returns the file (name and contents) without saving it. */
export async function renderRegion(el: Element, title: string, baseName: string, format: ExportFormat, canvases: CanvasExports): Promise<{ name: string; blob: Blob }> {
  const svg = elementToSvg(el, title, (c) => canvases.vectors(c), await embeddedFonts(FONTS));
  if (format === 'svg') return { name: `${baseName}.svg`, blob: new Blob([svg], { type: 'image/svg+xml' }) };
  const r = el.getBoundingClientRect();
  const scale = format === 'png2x' ? 2 : 1;
  return { name: `${baseName}${scale === 2 ? '@2x' : ''}.png`, blob: await svgToPng(svg, r.width, r.height, scale) };
}

/** Renders and saves; returns an error text or null. */
export async function exportRegion(el: Element, title: string, baseName: string, format: ExportFormat, canvases: CanvasExports): Promise<string | null> {
  try {
    const file = await renderRegion(el, title, baseName, format, canvases);
    save(file.blob, file.name);
    return null;
  } catch (e) {
    return `The ${format === 'svg' ? 'SVG' : 'PNG'} of ${title} could not be made: ${e instanceof Error ? e.message : String(e)}`;
  }
}
