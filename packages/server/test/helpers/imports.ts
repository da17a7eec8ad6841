import { createReadStream, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { openReport, type ReadOptions, type RowError, type RowFact } from '../../src/modules/imports/read-report.ts';

const here = dirname(fileURLToPath(import.meta.url));

/** The project's own report fixtures. */
export const FIXTURES = join(here, '..', 'fixtures', 'imports');

/**
 * Real exports published by sellers, kept beside the repository (`../shared/fixtures/amazon`
 * from the repository root); null in a clone that does not have them.
 */
export function realFixtures(): string | null {
  const root = resolve(here, '..', '..', '..', '..');
  const dir = resolve(root, '..', 'shared', 'fixtures', 'amazon');
  return existsSync(dir) ? dir : null;
}

export const fixture = (name: string) => join(FIXTURES, name);

export interface ReadResult {
  type: string;
  format: string;
  marketplace: string;
  unknownColumns: string[];
  facts: RowFact[];
  errors: RowError[];
  rowsRead: number;
  rowsRejected: number;
  rowsSkipped: number;
}

/** Reads a whole report through the import's reader, batches joined. */
export async function readReport(source: string | Buffer, options: ReadOptions = {}): Promise<ReadResult> {
  const input = typeof source === 'string' ? createReadStream(source) : Readable.from([source]);
  const opened = await openReport(input, { filename: typeof source === 'string' ? source : undefined, ...options });
  const result: ReadResult = { type: opened.type, format: opened.format, marketplace: opened.marketplace, unknownColumns: opened.unknownColumns, facts: [], errors: [], rowsRead: 0, rowsRejected: 0, rowsSkipped: 0 };
  for await (const batch of opened.batches) {
    result.facts.push(...batch.facts);
    result.errors.push(...batch.errors);
    result.rowsRead += batch.rowsRead;
    result.rowsRejected += batch.rowsRejected;
    result.rowsSkipped += batch.rowsSkipped;
  }
  return result;
}

const BOUNDARY = 'sellerops-test-boundary';

/**
 * A multipart/form-data request body for POST /v1/imports: the fields, then the file
 * (a path, read as a stream, or bytes). Streams keep large test files out of memory.
 */
const fieldParts = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([k, v]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join('');

export function importForm(file: string | Buffer, fields: Record<string, string> = {}, filename?: string): { payload: Readable; headers: Record<string, string> } {
  const name = filename ?? (typeof file === 'string' ? file.split('/').pop()! : 'report.csv');
  const head = Buffer.from(`${fieldParts(fields)}--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  async function* body() {
    yield head;
    if (typeof file === 'string') yield* createReadStream(file);
    else yield file;
    yield tail;
  }
  return { payload: Readable.from(body()), headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } };
}

/** A multipart form with only fields (no file part). */
export function fieldsOnlyForm(fields: Record<string, string>): { payload: Buffer; headers: Record<string, string> } {
  return { payload: Buffer.from(`${fieldParts(fields)}--${BOUNDARY}--\r\n`), headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } };
}
