import type { ResolvedColumns } from '../parse/headers.ts';
import { CellError, type Cell } from '../parse/values.ts';

/** A per-row problem: the column as the file spells it and why the cell was refused. */
export interface CellProblem {
  column: string | null;
  reason: string;
}

/**
 * Reads the cells of one row by field name. A cell that does not parse is recorded
 * as a problem of the row (with its column) and reads as null, so that every bad
 * cell of a row is reported at once.
 */
export class RowReader<F extends string> {
  readonly problems: CellProblem[] = [];
  constructor(
    private readonly columns: ResolvedColumns<F>,
    private readonly cells: Cell[],
  ) {}

  has(field: F): boolean {
    return this.columns.index[field] !== undefined;
  }

  raw(field: F): Cell {
    const i = this.columns.index[field];
    return i === undefined ? null : this.cells[i];
  }

  /** The cell parsed by `parse`; null (and a problem) when it does not parse. */
  read<T>(field: F, parse: (cell: Cell) => T | null): T | null {
    if (!this.has(field)) return null;
    try {
      return parse(this.raw(field));
    } catch (err) {
      if (!(err instanceof CellError)) throw err;
      this.problems.push({ column: this.columns.header[field] ?? field, reason: err.message });
      return null;
    }
  }

  /** Like `read`, and an empty cell is a problem too. */
  require<T>(field: F, parse: (cell: Cell) => T | null): T | null {
    const value = this.read(field, parse);
    if (value === null && !this.problems.some((p) => p.column === (this.columns.header[field] ?? field))) {
      this.problems.push({ column: this.columns.header[field] ?? field, reason: 'is empty' });
    }
    return value;
  }

  /** A problem of the row that no single cell explains. */
  reject(reason: string, field?: F): void {
    this.problems.push({ column: field ? (this.columns.header[field] ?? field) : null, reason });
  }
}
