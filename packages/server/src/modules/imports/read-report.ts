import type { Readable } from 'node:stream';
import { InvalidInput } from '../../lib/errors.ts';
import { EmptyFile } from './parse/file-errors.ts';
import { localeOf } from './parse/marketplace-locale.ts';
import { readDelimited } from './parse/readers/delimited.ts';
import { sniffDelimiter, sniffFormat, type FileFormat } from './parse/readers/format.ts';
import { readSalesAndTrafficJson, type SalesAndTrafficPart } from './parse/readers/json.ts';
import { peek } from './parse/readers/peek.ts';
import type { RawRow } from './parse/readers/raw-row.ts';
import { readXlsx } from './parse/readers/xlsx.ts';
import type { DecimalStyle, ValueContext } from './parse/values.ts';
import { BusinessReportDedup } from './reports/dedup.ts';
import type { ImportedFact } from './reports/imported-fact.ts';
import { detectReport, matchReport, tableReport, TABLE_REPORTS, type ReportMatch } from './reports/registry.ts';
import type { MapContext, ReportType } from './reports/report-type.ts';
import { RowReader, type CellProblem } from './reports/row-reader.ts';
import { mapSalesAndTraffic, readSpecification, type SalesAndTrafficSpec } from './reports/sales-and-traffic-json.ts';
import { FactSums } from './reports/sums.ts';

/** A row the import refused, with why. */
export interface RowError {
  row: number;
  column: string | null;
  reason: string;
}

/** A fact with the file row it came from, so that a refusal downstream can name the row. */
export type RowFact = ImportedFact & { row: number };

/** What a stretch of the file gave: facts to write, rows refused, rows read and skipped. */
export interface ReportBatch {
  facts: RowFact[];
  errors: RowError[];
  /** Rows refused in this batch (one row may have several errors). */
  rowsRejected: number;
  rowsRead: number;
  rowsSkipped: number;
}

export interface ReadOptions {
  type?: ReportType;
  marketplace?: string;
  date?: string;
  filename?: string;
  /** Rows per batch: memory stays flat in the file's size. */
  batchRows?: number;
}

/** A report whose type and columns are settled, ready to be read batch by batch. */
export interface OpenedReport {
  type: ReportType;
  format: FileFormat;
  marketplace: string;
  /** Columns of the file the import neither reads nor knows to be irrelevant. */
  unknownColumns: string[];
  batches: AsyncGenerator<ReportBatch>;
}

const PEEK_BYTES = 64 * 1024;
export const DEFAULT_BATCH_ROWS = 5000;

/** Words of German, French, Italian and Spanish headers: their files write 1.234,56. */
const COMMA_DECIMAL_HEADERS = /[äöüß]|sitzung|seitenaufruf|bestell|umsatz|datum|kampagne|anzeigengruppe|ausgaben|menge|grund|séances|ventes|sessioni|vendite|sesiones|ventas/i;

function decimalStyleOf(headers: readonly unknown[]): DecimalStyle {
  return headers.some((h) => typeof h === 'string' && COMMA_DECIMAL_HEADERS.test(h)) ? 'comma' : 'dot';
}

function requireMarketplace(marketplace: string | undefined, what: string): string {
  if (!marketplace) {
    throw new InvalidInput(`A ${what} does not say which marketplace it is from: send marketplace (e.g. US, UK, DE).`, [
      { path: '/marketplace', message: 'is required for this report' },
    ]);
  }
  return marketplace === 'GB' ? 'UK' : marketplace;
}

/**
 * Opens an uploaded report: tells its format from its first bytes, reads its header,
 * settles its type (the caller's, checked against the header, or detected from it),
 * and returns a stream of batches of facts. Problems with the whole file (empty, not a
 * report, another report than `type`, broken quoting) are thrown as problem errors;
 * problems with a row become that row's errors.
 */
export async function openReport(input: AsyncIterable<Buffer>, options: ReadOptions): Promise<OpenedReport> {
  const { head, stream } = await peek(input, PEEK_BYTES);
  if (head.toString('utf8').replace(/^\ufeff/, '').trim() === '') throw new EmptyFile();
  const format = sniffFormat(head, options.filename);
  if (format === 'json') return openJson(stream, options);
  return openTable(format, head, stream, options);
}

async function openTable(format: 'csv' | 'tsv' | 'xlsx', head: Buffer, stream: Readable, options: ReadOptions): Promise<OpenedReport> {
  const rows = format === 'xlsx' ? readXlsx(stream) : readDelimited(stream, sniffDelimiter(head, format));
  const first = await rows.next();
  if (first.done) throw new EmptyFile();
  const headers = first.value.cells.map((c) => (c === null || c === undefined ? '' : String(c)));
  const match = resolveType(headers, options.type);
  const report = match.report;
  if (report.needsDate && !options.date) {
    await rows.return(undefined);
    throw new InvalidInput(`The ${report.title} has no date column: send date (YYYY-MM-DD), the day the report covers.`, [
      { path: '/date', message: 'is required for this report' },
    ], 'import_date_required');
  }
  const marketplace = requireMarketplace(options.marketplace, report.title);
  const values: ValueContext = { locale: localeOf(marketplace), decimal: decimalStyleOf(headers) };
  const ctx: MapContext = { marketplace, date: options.date ?? null, values };
  return {
    type: report.type,
    format,
    marketplace,
    unknownColumns: match.unknown,
    batches: tableBatches(rows, match, ctx, options.batchRows ?? DEFAULT_BATCH_ROWS),
  };
}

function resolveType(headers: string[], type: ReportType | undefined): ReportMatch {
  const detected = detectReport(headers);
  if (type === undefined) {
    if (detected) return detected;
    throw new InvalidInput(
      `The file's columns match no supported report. Its header: ${headers.slice(0, 12).join(', ')}${headers.length > 12 ? ', ...' : ''}.`,
      [{ path: '/file/header', message: 'matches no supported report' }],
      'unknown_report_type',
    );
  }
  if (type === 'sp_api_sales_and_traffic') {
    throw new InvalidInput('The file is a table, not a Sales and Traffic report JSON document.', [{ path: '/type', message: `the file is not a ${type} report` }], 'report_type_mismatch');
  }
  const report = tableReport(type)!;
  const match = matchReport(report, headers);
  if (match.missing.length === 0) return match;
  if (detected && detected.report.type !== type) {
    throw new InvalidInput(`The file is a ${detected.report.title}, not a ${report.title}.`, [{ path: '/type', message: `the file's columns are those of ${detected.report.type}` }], 'report_type_mismatch');
  }
  throw new InvalidInput(
    `The file lacks columns a ${report.title} needs: ${match.missing.join(', ')}.${match.unknown.length ? ` Columns it does not know: ${match.unknown.join(', ')}.` : ''}`,
    match.missing.map((m) => ({ path: `/file/header/${m}`, message: 'is missing' })),
    'missing_columns',
  );
}

/** Collects one batch's counts and facts. */
class BatchBuilder {
  batch: ReportBatch = this.empty();
  private empty(): ReportBatch {
    return { facts: [], errors: [], rowsRejected: 0, rowsRead: 0, rowsSkipped: 0 };
  }
  reject(row: number, problems: CellProblem[]): void {
    this.batch.rowsRejected += 1;
    for (const p of problems) this.batch.errors.push({ row, column: p.column, reason: p.reason });
  }
  take(): ReportBatch {
    const out = this.batch;
    this.batch = this.empty();
    return out;
  }
}

async function* tableBatches(rows: AsyncGenerator<RawRow>, match: ReportMatch, ctx: MapContext, batchRows: number): AsyncGenerator<ReportBatch> {
  const { report, columns } = match;
  const dedup = new BusinessReportDedup();
  const sums = report.sums ? new FactSums() : null;
  const builder = new BatchBuilder();
  for await (const raw of rows) {
    const b = builder.batch;
    b.rowsRead += 1;
    const reader = new RowReader(columns, raw.cells);
    const mapped = report.mapRow(reader, ctx);
    if (reader.problems.length > 0) builder.reject(raw.row, reader.problems);
    else if ('skip' in mapped) b.rowsSkipped += 1;
    else {
      let skipped = false;
      for (const fact of mapped.facts) {
        if (sums) {
          const problem = sums.add(fact, raw.row);
          if (problem) builder.reject(raw.row, [{ column: null, reason: problem }]);
          continue;
        }
        const kept = dedup.apply(fact);
        if ('skip' in kept) skipped = true;
        else b.facts.push({ ...kept, row: raw.row });
      }
      if (skipped) b.rowsSkipped += 1;
    }
    if (b.rowsRead >= batchRows) yield builder.take();
  }
  if (sums) builder.batch.facts.push(...sums.drain());
  yield builder.take();
}

async function openJson(stream: Readable, options: ReadOptions): Promise<OpenedReport> {
  if (options.type !== undefined && options.type !== 'sp_api_sales_and_traffic') {
    const report = TABLE_REPORTS.find((r) => r.type === options.type)!;
    throw new InvalidInput(`The file is a JSON document, not a ${report.title}.`, [{ path: '/type', message: 'the file is a sp_api_sales_and_traffic report' }], 'report_type_mismatch');
  }
  const parts = readSalesAndTrafficJson(stream);
  const first = await parts.next();
  if (first.done) {
    throw new InvalidInput('The JSON document is not a Sales and Traffic report: it has no reportSpecification, salesAndTrafficByDate or salesAndTrafficByAsin.', [
      { path: '/file', message: 'not a GET_SALES_AND_TRAFFIC_REPORT document' },
    ], 'unknown_report_type');
  }
  // Amazon writes the specification first; a document that does not cannot say its period in time.
  const spec: SalesAndTrafficSpec = first.value.section === 'specification' ? readSpecification(first.value.value) : readSpecification({});
  const marketplace = options.marketplace ? requireMarketplace(options.marketplace, 'report') : spec.marketplace;
  if (!marketplace) requireMarketplace(undefined, 'Sales and Traffic report without marketplaceIds');
  if (options.marketplace && spec.marketplace && spec.marketplace !== marketplace) {
    throw new InvalidInput(`The report is for marketplace ${spec.marketplace}, not ${marketplace}.`, [{ path: '/marketplace', message: `the file is for ${spec.marketplace}` }]);
  }
  const pending = first.value.section === 'specification' ? null : first.value;
  return {
    type: 'sp_api_sales_and_traffic',
    format: 'json',
    marketplace: marketplace!,
    unknownColumns: [],
    batches: jsonBatches(parts, pending, spec, marketplace!, options.batchRows ?? DEFAULT_BATCH_ROWS),
  };
}

async function* jsonBatches(
  parts: AsyncGenerator<SalesAndTrafficPart>,
  pending: SalesAndTrafficPart | null,
  spec: SalesAndTrafficSpec,
  marketplace: string,
  batchRows: number,
): AsyncGenerator<ReportBatch> {
  const dedup = new BusinessReportDedup();
  const builder = new BatchBuilder();
  let row = 0;
  async function* all() {
    if (pending) yield pending;
    yield* parts;
  }
  for await (const part of all()) {
    if (part.section === 'specification') continue;
    row += 1;
    const b = builder.batch;
    b.rowsRead += 1;
    const mapped = mapSalesAndTraffic(part, spec, marketplace);
    if (mapped.problems.length > 0) builder.reject(row, mapped.problems);
    for (const fact of mapped.facts) {
      const kept = dedup.apply(fact);
      if ('skip' in kept) b.rowsSkipped += 1;
      else b.facts.push({ ...kept, row });
    }
    if (b.rowsRead >= batchRows) yield builder.take();
  }
  yield builder.take();
}
