import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { MalformedFile } from '../file-errors.ts';
import type { Cell } from '../values.ts';
import type { RawRow } from './raw-row.ts';

/** An XLSX cell's value as plain data: rich text, formulas and hyperlinks give their text or result. */
function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text: string }>; result?: unknown; text?: unknown; error?: string };
    if (v.richText) return v.richText.map((part) => part.text).join('');
    if ('result' in v) return cellOf(v.result);
    if (v.text !== undefined) return cellOf(v.text);
    if (v.error) return null;
  }
  return String(value);
}

/**
 * Streams the rows of the first worksheet of an XLSX workbook (the ads console's
 * download), one row at a time: the workbook is never loaded whole.
 */
export async function* readXlsx(input: Readable): AsyncGenerator<RawRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // date cells come out as dates only with their styles
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let sheets = 0;
  try {
    for await (const worksheet of reader) {
      sheets += 1;
      if (sheets > 1) continue; // drain later sheets: the report is on the first
      for await (const row of worksheet) {
        const values = row.values as unknown[];
        // `values` is 1-based and sparse: cell A is values[1].
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellOf(values[i]));
        if (cells.every((c) => c === null || c === '')) continue;
        yield { row: row.number, cells };
      }
    }
  } catch (err) {
    if (err instanceof MalformedFile) throw err;
    throw new MalformedFile(`The workbook cannot be read: ${(err as Error).message}`, [{ path: '/file', message: 'not a readable XLSX workbook' }]);
  }
}
