import { UnsupportedFile } from '../file-errors.ts';

export type FileFormat = 'csv' | 'tsv' | 'xlsx' | 'json';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const GZIP = Buffer.from([0x1f, 0x8b]);

/**
 * The file's format, from its first bytes rather than its name or declared type
 * (browsers and scripts label CSV as anything from text/plain to application/vnd.ms-excel).
 */
export function sniffFormat(head: Buffer, filename?: string): FileFormat {
  if (head.subarray(0, 4).equals(ZIP)) return 'xlsx';
  if (head.subarray(0, 4).equals(OLE2)) {
    throw new UnsupportedFile('The file is an old Excel workbook (.xls). Save it as .xlsx or CSV and import that.');
  }
  if (head.subarray(0, 2).equals(GZIP)) throw new UnsupportedFile('The file is compressed (gzip). Unpack it and import the report inside.');
  if (head.subarray(0, 4).toString('latin1') === '%PDF') throw new UnsupportedFile('The file is a PDF. Import the report as CSV, TSV, XLSX or JSON.');
  const text = head.toString('utf8').replace(/^\ufeff/, '');
  // Text has no NUL bytes (UTF-16 files would: they are not supported).
  if (head.includes(0)) throw new UnsupportedFile('The file is binary or UTF-16 text. Import reports as UTF-8 CSV, TSV, XLSX or JSON.');
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  const firstLine = start.split(/\r?\n/, 1)[0] ?? '';
  const tabs = firstLine.split('\t').length - 1;
  const commas = firstLine.split(',').length - 1;
  const semicolons = firstLine.split(';').length - 1;
  if (tabs > 0 && tabs >= commas) return 'tsv';
  if (commas > 0 || semicolons > 0) return 'csv';
  if (/\.tsv$|\.txt$/i.test(filename ?? '')) return 'tsv';
  if (/\.csv$/i.test(filename ?? '') || firstLine.length > 0) return 'csv';
  return 'csv';
}

/** The delimiter of a CSV file: a comma, or the semicolon that European spreadsheet exports use. */
export function sniffDelimiter(head: Buffer, format: 'csv' | 'tsv'): string {
  if (format === 'tsv') return '\t';
  const firstLine = head.toString('utf8').replace(/^\ufeff/, '').trimStart().split(/\r?\n/, 1)[0] ?? '';
  const commas = firstLine.split(',').length - 1;
  const semicolons = firstLine.split(';').length - 1;
  return semicolons > commas ? ';' : ',';
}
