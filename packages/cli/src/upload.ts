import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { ProblemError, type Import, type Problem } from '@sellerops/sdk';
import { CLI_VERSION } from './version.ts';

export interface UploadOptions {
  baseUrl: string;
  apiKey: string;
  path: string;
  /** The form's text fields (type, marketplace, date, ...). */
  fields: Record<string, string>;
  /** Called as the file's bytes are handed to the connection. */
  onProgress?: (sent: number, total: number) => void;
}

/**
 * POST /v1/imports as multipart/form-data, streaming the file from disk: a report of
 * any size is sent without being held in memory, and progress is counted in bytes.
 * The typed client sends JSON bodies, so this one request uses fetch directly with the
 * same base URL and key.
 */
export async function uploadReport(options: UploadOptions): Promise<Import> {
  const total = (await stat(options.path)).size;
  const boundary = `sellerops-${randomBytes(12).toString('hex')}`;
  const encoder = new TextEncoder();
  const fieldParts = Object.entries(options.fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const filename = basename(options.path).replace(/["\r\n]/g, '_');
  const head = encoder.encode(`${fieldParts.join('')}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = encoder.encode(`\r\n--${boundary}--\r\n`);

  async function* body(): AsyncGenerator<Uint8Array> {
    yield head;
    let sent = 0;
    for await (const chunk of createReadStream(options.path, { highWaterMark: 256 * 1024 })) {
      const bytes = chunk as Buffer;
      sent += bytes.length;
      yield bytes;
      options.onProgress?.(sent, total);
    }
    yield tail;
  }

  const response = await fetch(new URL('/v1/imports', options.baseUrl), {
    method: 'POST',
    headers: {
      authorization: `Bearer ${options.apiKey}`,
      accept: 'application/json, application/problem+json',
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': String(head.length + total + tail.length),
      'user-agent': `sellerops-cli/${CLI_VERSION}`,
    },
    body: ReadableStream.from(body()),
    duplex: 'half',
  } as RequestInit & { duplex: 'half' });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  if (response.ok) return parsed as Import;
  const problem: Problem =
    typeof parsed === 'object' && parsed !== null && 'code' in parsed
      ? (parsed as Problem)
      : { type: 'about:blank', title: response.statusText || 'Error', status: response.status, detail: `HTTP ${response.status}`, code: `http_${response.status}`, request_id: '' };
  throw new ProblemError(problem, { body: parsed, requestId: response.headers.get('x-request-id') });
}
