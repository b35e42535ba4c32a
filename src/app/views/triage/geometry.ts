/** The fixed geometry of the triage diagram, in SVG viewBox units (the token canvas scales it). */
import { ROUTE_NAMES, STAGE_NAMES } from '../../../engine/syscalls/calls';

export const VB_W = 640;
export const BOX_Y = 22;
export const BOX_H = 96;
export const LANE_Y = BOX_Y + BOX_H + 8;
export const LANE_H = 40;
export const BARS_Y = LANE_Y + LANE_H + 30;
export const BAR_ROW_H = 24;
export const BAR_X = 64;
export const BAR_W = 480;
export const VB_H = BARS_Y + 4 * BAR_ROW_H + 6;

/** Column 0 is the application; columns 1-4 are the routes glibc, lwk, linux, osnode. */
export const COLUMNS = [
  { x: 0, w: 76, title: 'App', sub: 'on LWK CPUs' },
  { x: 92, w: 128, title: 'glibc interception', sub: 'LD_PRELOAD shim' },
  { x: 230, w: 128, title: 'LWK', sub: 'handled locally' },
  { x: 368, w: 128, title: 'Linux', sub: 'function shipping' },
  { x: 506, w: 134, title: 'OS node', sub: 'parallel FS I/O' },
] as const;

export const columnOfRoute = (route: number) => route + 1;
export const columnCenter = (col: number) => COLUMNS[col].x + COLUMNS[col].w / 2;

export const ROUTE_TITLES = ['glibc (shim)', 'LWK', 'Linux', 'OS node'] as const;

/** Stage colours (Okabe-Ito and Tol) with a short code drawn on each segment: never colour alone. */
export const STAGE_STYLES: readonly { fill: string; ink: string; code: string }[] = [
  { fill: '#56B4E9', ink: '#111', code: 'In' },
  { fill: '#009E73', ink: '#fff', code: 'Q' },
  { fill: '#F0E442', ink: '#111', code: 'IPI' },
  { fill: '#E69F00', ink: '#111', code: 'H' },
  { fill: '#CC79A7', ink: '#111', code: 'PS' },
  { fill: '#0072B2', ink: '#fff', code: 'Sv' },
  { fill: '#BBBBBB', ink: '#111', code: 'C' },
  { fill: '#D55E00', ink: '#fff', code: 'R' },
  { fill: '#882255', ink: '#fff', code: 'RS' },
  { fill: '#44AA99', ink: '#111', code: 'N' },
  { fill: '#117733', ink: '#fff', code: 'OQ' },
];

export const STAGE_LEGEND = STAGE_NAMES.map((name, i) => ({ name, ...STAGE_STYLES[i] }));
export { ROUTE_NAMES, STAGE_NAMES };
