/** One column of a table: its header and how to read a cell from a row. */
export interface Column<Row> {
  header: string;
  cell: (row: Row) => string;
}

/**
 * Rows as aligned, space-separated columns under an upper-case header: readable in a
 * terminal and still easy to cut with awk. Trailing spaces are trimmed.
 */
export function formatTable<Row>(rows: readonly Row[], columns: ReadonlyArray<Column<Row>>): string {
  const cells = [columns.map((c) => c.header.toUpperCase()), ...rows.map((row) => columns.map((c) => c.cell(row)))];
  const widths = columns.map((_, i) => Math.max(...cells.map((line) => line[i]!.length)));
  return cells.map((line) => line.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

/** Label/value pairs with the values aligned, for one object. */
export function formatFields(fields: ReadonlyArray<readonly [label: string, value: string]>): string {
  const width = Math.max(...fields.map(([label]) => label.length));
  return fields.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
}

/** `2026-11-27T12:05:41.123Z` -> `2026-11-27 12:05 UTC`; null -> `-`. */
export function formatTimestamp(iso: string | null): string {
  if (iso === null) return '-';
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
