/**
 * The smallest text any view draws, canvas and SVG included, in CSS px at zoom 1: legible from the
 * back of a lecture hall on a 1280x720 projector (issue 15). Defined here only: main.tsx hands it
 * to the style sheets as `--text-min`, canvas code builds its fonts with `canvasFont`.
 */
export const MIN_TEXT_PX = 13;

/** Lines that carry meaning (IPI arcs, flow arrows, outlines) are at least this wide, in CSS px. */
export const MIN_LINE_PX = 2;

export const SANS = '"IBM Plex Sans", system-ui, sans-serif';
export const MONO = '"IBM Plex Mono", ui-monospace, monospace';

/** A canvas font of at least MIN_TEXT_PX (`scale`: the drawing scale in force, if not 1). */
export function canvasFont(px: number, opts: { bold?: boolean; mono?: boolean; scale?: number } = {}): string {
  const size = Math.max(px, MIN_TEXT_PX / (opts.scale ?? 1));
  return `${opts.bold ? '600 ' : ''}${Math.round(size * 10) / 10}px ${opts.mono ? MONO : SANS}`;
}
