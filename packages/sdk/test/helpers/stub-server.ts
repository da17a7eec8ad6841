import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** When the request arrived (ms since the epoch), to measure waits between retries. */
  at: number;
}

export interface StubAnswer {
  status: number;
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
}

export interface StubServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * A local HTTP server that plays scripted answers in order (repeating the last one) and
 * records every request, for behaviour a real server will not produce on demand
 * (429, 503, a proxy's HTML page).
 */
export async function startStubServer(answers: StubAnswer[]): Promise<StubServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      const answer = answers[Math.min(requests.length, answers.length) - 1]!;
      const isText = typeof answer.body === 'string';
      const payload = answer.body === undefined ? '' : isText ? (answer.body as string) : JSON.stringify(answer.body);
      res.writeHead(answer.status, {
        'content-type': isText ? 'text/plain' : 'application/json',
        ...answer.headers,
        'content-length': Buffer.byteLength(payload),
      });
      res.end(payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A problem document as the API sends it. */
export function problem(status: number, code: string, detail = `${code} happened`) {
  return {
    status,
    headers: { 'content-type': 'application/problem+json' },
    body: { type: `urn:sellerops:problem:${code}`, title: 'Error', status, detail, code, request_id: `req_${code}` },
  };
}

/** A plausible GET /v1/workspace answer. */
export const WORKSPACE = {
  id: 'wks_1',
  object: 'workspace',
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
  version: 1,
  name: 'default',
  slug: 'default',
};
