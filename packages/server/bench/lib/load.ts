import { createHistogram } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type { HttpTarget } from './case.ts';

/** One measurement of one side. */
export interface Sample {
  /** Mean requests per second over the run. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
}

/**
 * Loads one target for a fixed time on loopback. Any error or non-2xx answer fails
 * the run: a server that answers 429 or 503 fast would otherwise look fast.
 */
export async function measure(target: HttpTarget, seconds: number, connections: number): Promise<Sample> {
  // autocannon's own latency histogram counts whole milliseconds, which reads 0 for a
  // fast baseline; its response event carries the exact time, kept here in microseconds.
  const latencyUs = createHistogram();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        method: target.method ?? 'GET',
        ...(target.headers ? { headers: target.headers } : {}),
        ...(target.body !== undefined ? { body: target.body } : {}),
        connections,
        pipelining: 1,
        duration: seconds,
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    instance.on('response', (_client, _status, _bytes, responseTimeMs) => {
      latencyUs.record(Math.max(1, Math.round(responseTimeMs * 1000)));
    });
  });
  if (result.errors > 0 || result.non2xx > 0) {
    const codes = Object.entries(result.statusCodeStats ?? {})
      .map(([code, stat]) => `${code}: ${stat.count ?? 0}`)
      .join(', ');
    throw new Error(
      `${target.method ?? 'GET'} ${target.url}: ${result.errors} errors (${result.timeouts} timeouts), ${result.non2xx} non-2xx answers (${codes})`,
    );
  }
  return {
    rps: result.requests.average,
    p50Ms: latencyUs.percentile(50) / 1000,
    p99Ms: latencyUs.percentile(99) / 1000,
    requests: result.requests.total,
  };
}
