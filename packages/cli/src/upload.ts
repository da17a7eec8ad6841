import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
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

interface RawResponse {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  text: string;
}

/**
 * POSTs a streamed body with node:http rather than fetch: fetch gives up on a response
 * whose headers take more than 300 s, and a large report's import is answered only
 * once every row is written. No client-side limit here; the server's own timeouts
 * apply. An early answer (413, 401) is returned even if the upload is cut short.
 */
function postStream(url: URL, headers: OutgoingHttpHeaders, body: AsyncIterable<Uint8Array>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(url, { method: 'POST', headers }, (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, statusText: response.statusMessage ?? '', headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    pipeline(Readable.from(body), request).catch((error: unknown) => {
      if (!answered) reject(error);
    });
  });
}

/**
 * POST /v1/imports as multipart/form-data, streaming the file from disk: a report of
 * any size is sent without being held in memory, and progress is counted in bytes.
 * The typed client sends JSON bodies, so this one request is made directly with the
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

  const response = await postStream(
    new URL('/v1/imports', options.baseUrl),
    {
      authorization: `Bearer ${options.apiKey}`,
      accept: 'application/json, application/problem+json',
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': String(head.length + total + tail.length),
      'user-agent': `sellerops-cli/${CLI_VERSION}`,
    },
    body(),
  );
  const { text } = response;
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  if (response.status >= 200 && response.status < 300) return parsed as Import;
  const problem: Problem =
    typeof parsed === 'object' && parsed !== null && 'code' in parsed
      ? (parsed as Problem)
      : { type: 'about:blank', title: response.statusText || 'Error', status: response.status, detail: `HTTP ${response.status}`, code: `http_${response.status}`, request_id: '' };
  const requestId = response.headers['x-request-id'];
  throw new ProblemError(problem, { body: parsed, requestId: typeof requestId === 'string' ? requestId : null });
}
