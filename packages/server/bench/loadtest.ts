import { createHistogram } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startServer, stopServer } from '../test/helpers/server-process.ts';
import { describeMachine, loadAverage } from './lib/machine.ts';
import { politeLoad } from './lib/polite-load.ts';
import { createScratchDatabase } from './lib/scratch-database.ts';

/**
 * `pnpm loadtest`: the real server process under a mixed read/write workload on
 * loopback, then under 4x that many connections, twice: with clients that retry at
 * once whatever the answer (autocannon), and with clients that wait what Retry-After
 * says after a 429 or 503, as the SDK does. Passes when the normal run has no error, no
 * timeout and no 5xx, both overloaded runs refuse work with 429/503 instead of timing
 * out, and with clients that honour Retry-After the accepted requests keep their p99
 * within 4x of the normal p99.
 *
 *   pnpm loadtest [--seconds 60] [--connections 100] [--json]
 *   DATABASE_URL=postgres://... pnpm loadtest     (a scratch database on that server)
 */
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    connections: { type: 'string', default: '100' },
    json: { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const progress = (line: string) => process.stderr.write(`${line}\n`);

interface Phase {
  name: string;
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  acceptedP50Ms: number;
  acceptedP99Ms: number;
}

async function run(url: string, key: string, name: string, conns: number): Promise<Phase> {
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  const accepted = createHistogram();
  const statuses: Record<string, number> = {};
  let week = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: conns,
        duration: seconds,
        timeout: 10,
        // Four reads to one write, as operators and BI tools use it.
        requests: [
          { method: 'GET', path: '/v1/workspace', headers },
          { method: 'GET', path: '/v1/members?limit=50', headers },
          { method: 'GET', path: '/v1/sop-runs?limit=20', headers },
          { method: 'GET', path: '/v1/reviews?limit=20', headers },
          {
            method: 'POST',
            path: '/v1/reviews',
            headers,
            // A new week each time: reviews are unique per week.
            setupRequest: (req) => ({ ...req, body: JSON.stringify({ week: `${2000 + Math.floor(week / 52)}-W${String((week++ % 52) + 1).padStart(2, '0')}`, problem: 'load test' }) }),
          },
        ],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
      if (statusCode < 300) accepted.record(Math.max(1, Math.round(responseTimeMs * 1000)));
    });
  });
  return {
    name,
    connections: conns,
    seconds,
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    acceptedP50Ms: accepted.count ? accepted.percentile(50) / 1000 : 0,
    acceptedP99Ms: accepted.count ? accepted.percentile(99) / 1000 : 0,
  };
}

let politeWeek = 0;
async function runPolite(url: string, key: string, name: string, conns: number): Promise<Phase> {
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  const result = await politeLoad({
    url,
    headers,
    connections: conns,
    seconds,
    timeoutMs: 10_000,
    requests: [
      { method: 'GET', path: '/v1/workspace' },
      { method: 'GET', path: '/v1/members?limit=50' },
      { method: 'GET', path: '/v1/sop-runs?limit=20' },
      { method: 'GET', path: '/v1/reviews?limit=20' },
      // Weeks of the 2100s: never those of the other phases.
      { method: 'POST', path: '/v1/reviews', body: () => JSON.stringify({ week: `${2100 + Math.floor(politeWeek / 52)}-W${String((politeWeek++ % 52) + 1).padStart(2, '0')}`, problem: 'load test' }) },
    ],
  });
  return { name, connections: conns, seconds, rps: Math.round(result.requests / seconds), ...result };
}

const loadAtStart = loadAverage();
const scratch = await createScratchDatabase(process.env.DATABASE_URL);
const env: Record<string, string> = { RATE_LIMIT_PER_MINUTE: '100000000', LOG_LEVEL: 'warn' };
if (scratch.connect.databaseUrl) env.DATABASE_URL = scratch.connect.databaseUrl;
else env.SELLEROPS_DATA_DIR = scratch.connect.dataDir!;
const server = await startServer(env);
let failed = false;
try {
  const key = /sk_[0-9A-Za-z]{40}/.exec(server.output())![0];
  progress(`normal load: ${connections} connections for ${seconds} s`);
  const normal = await run(server.url, key, 'normal', connections);
  progress(`overload: ${connections * 4} connections for ${seconds} s`);
  const overload = await run(server.url, key, 'overload', connections * 4);
  progress(`overload, clients honouring Retry-After: ${connections * 4} connections for ${seconds} s`);
  const politeOverload = await runPolite(server.url, key, 'overload_retry_after', connections * 4);

  const serverErrors = (p: Phase) => Object.entries(p.statuses).filter(([s]) => Number(s) >= 500 && Number(s) !== 503).reduce((n, [, c]) => n + c, 0);
  const checks = [
    { check: 'normal load: no error, timeout or 5xx', ok: normal.errors === 0 && normal.timeouts === 0 && serverErrors(normal) === 0 && !normal.statuses['503'] },
    { check: 'overload: no timeout and no 5xx but 503 (refusals are 429 or 503)', ok: overload.timeouts === 0 && serverErrors(overload) === 0 },
    { check: 'overload, clients honouring Retry-After: no timeout and no 5xx but 503', ok: politeOverload.timeouts === 0 && serverErrors(politeOverload) === 0 },
    {
      check: 'overload, clients honouring Retry-After: accepted requests keep their p99 within 4x the normal p99',
      ok: politeOverload.acceptedP99Ms <= normal.acceptedP99Ms * 4,
    },
  ];
  // Reported, not a check: clients that retry at once turn refusals into a flood that
  // takes the process's one thread from the requests it accepted.
  const floodRatio = normal.acceptedP99Ms ? overload.acceptedP99Ms / normal.acceptedP99Ms : 0;
  failed = checks.some((c) => !c.ok);
  const machine = describeMachine({ engine: scratch.engine, version: 'as the server reports', where: scratch.where }, loadAtStart);
  const report = { date: new Date().toISOString(), machine, phases: [normal, overload, politeOverload], checks, overload_p99_over_normal_p99: Math.round(floodRatio * 100) / 100 };
  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else {
    for (const p of report.phases) {
      process.stdout.write(
        `${p.name.padEnd(9)} ${String(p.connections).padStart(4)} conns  ${String(p.rps).padStart(6)} req/s  accepted p50 ${p.acceptedP50Ms.toFixed(1)} ms  p99 ${p.acceptedP99Ms.toFixed(1)} ms  statuses ${JSON.stringify(p.statuses)}  errors ${p.errors}  timeouts ${p.timeouts}\n`,
      );
    }
    for (const c of checks) process.stdout.write(`${c.ok ? 'ok  ' : 'FAIL'} ${c.check}\n`);
  }
} finally {
  await stopServer(server);
  await scratch.drop();
}
process.exit(failed ? 1 : 0);
