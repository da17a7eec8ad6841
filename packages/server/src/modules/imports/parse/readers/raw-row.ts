import type { Cell } from '../values.ts';

/** One record of a file: its row number (the header is row 1, as a spreadsheet shows it) and its cells. */
export interface RawRow {
  row: number;
  cells: Cell[];
}
