import { createHistogram, performance } from 'node:perf_hooks';

export interface PoliteRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: () => string;
}

export interface PoliteResult {
  requests: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  acceptedP50Ms: number;
  acceptedP99Ms: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `connections` clients, each sending the next request as soon as it has its answer,
 * except that a 429 or 503 makes that client wait what Retry-After says before its
 * next request, as the SDK does. This is the overload the service is built for:
 * clients that are told to come back later do, so refusals cost the server one cheap
 * answer per client per second rather than a flood.
 */
export async function politeLoad(options: {
  url: string;
  headers: Record<string, string>;
  requests: PoliteRequest[];
  connections: number;
  seconds: number;
  timeoutMs: number;
}): Promise<PoliteResult> {
  const accepted = createHistogram();
  const statuses: Record<string, number> = {};
  let sent = 0;
  let errors = 0;
  let timeouts = 0;
  let next = 0;
  const deadline = performance.now() + options.seconds * 1000;

  async function client(): Promise<void> {
    while (performance.now() < deadline) {
      const request = options.requests[next++ % options.requests.length]!;
      const started = performance.now();
      try {
        const response = await fetch(`${options.url}${request.path}`, {
          method: request.method,
          headers: options.headers,
          ...(request.body ? { body: request.body() } : {}),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        await response.arrayBuffer();
        sent += 1;
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        if (response.status < 300) accepted.record(Math.max(1, Math.round((performance.now() - started) * 1000)));
        if (response.status === 429 || response.status === 503) {
          const wait = Number(response.headers.get('retry-after') ?? '1') * 1000;
          await sleep(Math.min(wait, Math.max(0, deadline - performance.now())));
        }
      } catch (error) {
        sent += 1;
        if ((error as Error).name === 'TimeoutError') timeouts += 1;
        else errors += 1;
      }
    }
  }

  await Promise.all(Array.from({ length: options.connections }, () => client()));
  return {
    requests: sent,
    statuses,
    errors,
    timeouts,
    acceptedP50Ms: accepted.count ? accepted.percentile(50) / 1000 : 0,
    acceptedP99Ms: accepted.count ? accepted.percentile(99) / 1000 : 0,
  };
}
