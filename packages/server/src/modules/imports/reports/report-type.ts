import type { ReportType } from '@sellerops/schemas';
import type { ColumnSpec } from '../parse/headers.ts';
import type { ValueContext } from '../parse/values.ts';
import type { ImportedFact } from './imported-fact.ts';
import type { RowReader } from './row-reader.ts';

export type { ReportType };

/** What a row mapping knows besides the row. */
export interface MapContext {
  marketplace: string;
  /** The day of a report that has no date column (the caller's `date`). */
  date: string | null;
  values: ValueContext;
}

/** What became of one row: its facts, or why it carries none (a total row, a cancelled order). */
export type MappedRow = { facts: ImportedFact[] } | { skip: string };

/** A CSV, TSV or XLSX report: its columns and how one row becomes facts. */
export interface TableReport<F extends string = string> {
  type: ReportType;
  title: string;
  /** Where the report is downloaded, for the docs and error messages. */
  source: string;
  columns: ColumnSpec<F>;
  /** Columns the report cannot do without; they also identify it. */
  required: readonly F[];
  /** Columns whose presence means the file is another report. */
  excludes?: readonly F[];
  /**
   * Columns the report has that the import reads nothing from (ratios it recomputes,
   * B2B splits): spellings, or patterns over the normalized header.
   */
  ignored: readonly (string | RegExp)[];
  /** True when the report carries no date column, so the import needs `date`. */
  needsDate: boolean;
  /**
   * True when rows add up to one fact (order items to a day's units, AFN rows per
   * condition to a SKU's stock): facts with one key are summed over the whole file.
   */
  sums?: boolean;
  exampleHeader: string;
  mapRow(row: RowReader<F>, ctx: MapContext): MappedRow;
}
