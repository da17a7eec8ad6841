import { headerIndex, normalizeHeader, resolveColumns, type ResolvedColumns } from '../parse/headers.ts';
import { allOrdersReport } from './all-orders.ts';
import { businessReportByChild, businessReportByDate } from './business-report.ts';
import { afnInventoryReport, fbaInventoryReport } from './fba-inventory.ts';
import { fbaReturnsReport } from './fba-returns.ts';
import type { ReportType, TableReport } from './report-type.ts';
import { advertisedProductReport, searchTermReport, targetingReport } from './sponsored-products.ts';

/** Every CSV, TSV and XLSX report, most specific first. */
export const TABLE_REPORTS: readonly TableReport[] = [
  businessReportByChild,
  businessReportByDate,
  searchTermReport,
  advertisedProductReport,
  targetingReport,
  fbaInventoryReport,
  afnInventoryReport,
  fbaReturnsReport,
  allOrdersReport,
] as unknown as TableReport[];

const INDEXES = new Map(TABLE_REPORTS.map((r) => [r.type, headerIndex(r.columns)]));
const IGNORED = new Map(
  TABLE_REPORTS.map((r) => [r.type, r.ignored.map((i) => (typeof i === 'string' ? normalizeHeader(i) : i))] as const),
);

function isIgnored(report: TableReport, header: string): boolean {
  const key = normalizeHeader(header);
  return IGNORED.get(report.type)!.some((i) => (typeof i === 'string' ? i === key : i.test(key)));
}

export interface ReportMatch {
  report: TableReport;
  columns: ResolvedColumns<string>;
  /** Required columns the file lacks. */
  missing: string[];
  /** Columns of the file neither read nor known to be ignored. */
  unknown: string[];
}

/** How `headers` fit `report`: which columns it reads, which it lacks, which it does not know. */
export function matchReport(report: TableReport, headers: readonly string[]): ReportMatch {
  const columns = resolveColumns(headers, INDEXES.get(report.type)!);
  const missing = report.required.filter((f) => columns.index[f] === undefined).map((f) => report.columns[f]![0]!);
  const unknown = columns.unknown.filter((h) => !isIgnored(report, h));
  return { report, columns, missing, unknown };
}

function fits(match: ReportMatch): boolean {
  return match.missing.length === 0 && !(match.report.excludes ?? []).some((f) => match.columns.index[f] !== undefined);
}

/** The report `headers` belong to: every required column present, none that marks another report. */
export function detectReport(headers: readonly string[]): ReportMatch | null {
  const fitting = TABLE_REPORTS.map((r) => matchReport(r, headers)).filter(fits);
  // The report that reads the most of the file's columns wins.
  fitting.sort((a, b) => Object.keys(b.columns.index).length - Object.keys(a.columns.index).length);
  return fitting[0] ?? null;
}

export function tableReport(type: ReportType): TableReport | null {
  return TABLE_REPORTS.find((r) => r.type === type) ?? null;
}
