/** The export formats offered for slides and the files' names (no export code: that loads on the first export). */
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
