import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { MalformedFile } from '../file-errors.ts';
import type { RawRow } from './raw-row.ts';

/** A single record larger than this is a broken file (an unclosed quote swallowing the rest), not data. */
const MAX_RECORD_BYTES = 1_000_000;

/**
 * Streams the records of a CSV or TSV file: BOM or not, CRLF or LF, quoted fields
 * with embedded delimiters, quotes and line breaks. Broken quoting in a CSV is an
 * error naming the line; TSV flat files print quotes literally (`12" ruler`), so
 * there a stray quote is text.
 */
export async function* readDelimited(input: Readable, delimiter: string): AsyncGenerator<RawRow> {
  const parser = input.pipe(
    parse({
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: delimiter === '\t',
      skip_empty_lines: true,
      max_record_size: MAX_RECORD_BYTES,
      info: true,
    }),
  );
  input.on('error', (err) => parser.destroy(err));
  let row = 0;
  try {
    for await (const { record } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      row += 1;
      yield { row, cells: record };
    }
  } catch (err) {
    if (err instanceof CsvError) {
      const line = typeof err.lines === 'number' ? err.lines : undefined;
      throw new MalformedFile(`The file cannot be read${line ? ` at line ${line}` : ''}: ${describe(err)}`, [
        { path: line ? `/file/line/${line}` : '/file', message: describe(err) },
      ]);
    }
    throw err;
  }
}

function describe(err: CsvError): string {
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'a quote closes a field but more text follows it';
    case 'INVALID_OPENING_QUOTE':
      return 'a quote appears inside an unquoted field';
    case 'CSV_MAX_RECORD_SIZE':
      return 'a record is larger than 1 MB (an unclosed quote?)';
    default:
      return err.message;
  }
}
