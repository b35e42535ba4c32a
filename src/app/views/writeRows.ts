/** Rewrites a hidden table's body with DOM calls (no HTML strings, no React render); only changed cells are touched. */
export function writeRows(body: HTMLTableSectionElement | null, data: readonly (readonly string[])[]): void {
  if (!body) return;
  while (body.rows.length > data.length) body.deleteRow(-1);
  data.forEach((cells, r) => {
    const row = body.rows[r] ?? body.insertRow();
    while (row.cells.length > cells.length) row.deleteCell(-1);
    cells.forEach((text, c) => {
      const cell = row.cells[c] ?? row.insertCell();
      if (cell.textContent !== text) cell.textContent = text;
    });
  });
}

/** A number for a table cell: integers as they are, others to 0.1. */
export function cellNumber(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Math.round(x * 10) / 10);
}
