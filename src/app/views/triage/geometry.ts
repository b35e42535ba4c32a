/**
 * The geometry of the triage diagram, in SVG viewBox units (the token canvas scales it). The
 * diagram is drawn at most VB_W px wide (a wide view), so a unit is about a CSS pixel and no
 * text is smaller than MIN_SVG_TEXT units (13 px and more at 1024 px and up). The
 * application's column, then one column per route of the descriptor table (so a registered
 * route gets its own), and one bar row per route. Computed when asked, from ROUTES as it is then.
 */
import { ROUTES, type RouteDescriptor } from '../../../engine/descriptors';

export const VB_W = 1000;
/** The smallest SVG text, in units: at least 13 px on screen where the diagram is 930 px wide or more. */
export const MIN_SVG_TEXT = 14;
export const BOX_Y = 22;
export const BOX_H = 124;
export const LANE_Y = BOX_Y + BOX_H + 8;
export const LANE_H = 40;
export const BARS_Y = LANE_Y + LANE_H + 30;
export const BAR_ROW_H = 26;
/** Room right of the bars for "mean 12.35 µs". */
const TOTAL_W = 140;
const APP_W = 110;
const APP_GAP = 16;
const GAP = 10;
/** Average glyph width as a share of the font size (IBM Plex Sans), for fitting text. */
const GLYPH = 0.56;

export interface Column {
  readonly x: number;
  readonly w: number;
  readonly title: string;
  /** One or two lines under the title. */
  readonly sub: readonly string[];
  /** Font size of the numbers, smaller in narrow columns. */
  readonly numberSize: number;
}

export interface TriageGeometry {
  /** Column 0 is the application; column r + 1 is route r. */
  readonly columns: readonly Column[];
  readonly barX: number;
  readonly barW: number;
  readonly height: number;
}

/** The title without the short name it starts with: "LWK (handled locally)" -> "handled locally". */
export function routeSubtitle(r: Pick<RouteDescriptor, 'short' | 'title'>): string {
  if (!r.title.startsWith(r.short) || r.title === r.short) return r.title;
  const rest = r.title.slice(r.short.length).replace(/^[\s/:,–-]+/, '');
  return rest.replace(/^\((.*)\)$/, '$1') || r.title;
}

/** Greedy word wrap into at most `lines` lines of `chars` characters (the last one ellipsised). */
export function wrapWords(text: string, chars: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= chars || !line) line = next;
    else {
      out.push(line);
      line = word;
    }
  }
  if (line) out.push(line);
  if (out.length > lines) out.splice(lines - 1, out.length - lines + 1, out.slice(lines - 1).join(' '));
  return out.map((l) => (l.length > chars ? `${l.slice(0, Math.max(1, chars - 1))}…` : l));
}

let cached: { routes: number; g: TriageGeometry } | null = null;

export function triageGeometry(): TriageGeometry {
  if (cached?.routes === ROUTES.length) return cached.g;
  const n = Math.max(1, ROUTES.length);
  const w = Math.floor((VB_W - APP_W - APP_GAP - GAP * (n - 1)) / n);
  const columns: Column[] = [{ x: 0, w: APP_W, title: 'App', sub: ['on LWK CPUs'], numberSize: 16 }];
  ROUTES.forEach((r, i) => {
    const x = APP_W + APP_GAP + i * (w + GAP);
    columns.push({ x, w, title: r.short, sub: wrapWords(routeSubtitle(r), Math.floor((w - 14) / (MIN_SVG_TEXT * GLYPH)), 2), numberSize: Math.max(MIN_SVG_TEXT / 0.9, Math.min(16, (w - 14) / (12 * 0.62))) });
  });
  const longest = Math.max(0, ...ROUTES.map((r) => r.short.length));
  const barX = Math.min(150, Math.max(70, Math.ceil(longest * MIN_SVG_TEXT * GLYPH) + 12));
  const g: TriageGeometry = { columns, barX, barW: VB_W - barX - TOTAL_W, height: BARS_Y + n * BAR_ROW_H + 6 };
  cached = { routes: ROUTES.length, g };
  return g;
}

export const columnOfRoute = (route: number) => route + 1;
export const columnCenter = (g: TriageGeometry, col: number) => g.columns[col].x + g.columns[col].w / 2;
