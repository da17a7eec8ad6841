import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { connect } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { describeMachine, loadAverage } from './lib/machine.ts';
import { startOurs } from './lib/ours.ts';
import { createScratchDatabase } from './lib/scratch-database.ts';

/**
 * `pnpm bench:ingest`: daily traffic facts written through `POST /v1/metrics/facts`
 * (HTTP, authentication, validation, the set-based upsert) against COPY of the same
 * rows into the same table on the raw driver, alternating, each round on an emptied
 * table. Both sides get their payloads ready-made (JSON bodies, CSV text), so the
 * figure is the server's work. Target: ratio 0.4 or better in rows per second.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm bench:ingest [--rows 1000000] [--rounds 2] [--json]
 *
 * COPY needs a PostgreSQL server, so this benchmark does too.
 */
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    rounds: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '2' },
    json: { type: 'boolean', default: false },
  },
});
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  process.stderr.write('bench:ingest compares against COPY and needs a PostgreSQL server: set DATABASE_URL.\n');
  process.exit(2);
}
const DAYS = 1_000;
const BATCH = 10_000;
const totalRows = Math.max(BATCH, Math.round(Number(values.rows) / BATCH) * BATCH);
const products = totalRows / DAYS;
const rounds = Number(values.rounds);
const concurrency = Number(values.concurrency);
const progress = (line: string) => process.stderr.write(`${line}\n`);
const day = (n: number) => new Date(Date.UTC(2023, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

const loadAtStart = loadAverage();
const scratch = await createScratchDatabase(serverUrl);
const database = await connect({ ...scratch.connect, poolSize: 4 });
try {
  await migrateToLatest(database.db);
  // The client runs in the same process, so its own work would trip load shedding.
  const { app, url, headers, workspaceId } = await startOurs(database, { MAX_EVENT_LOOP_DELAY_MS: 0 });
  const raw = new pg.Client({ connectionString: scratch.connect.databaseUrl });
  await raw.connect();
  try {
    await raw.query(
      `insert into products (workspace_id, id, marketplace, asin, sku, title)
       select $1, 'prod_BENCH' || lpad(i::text, 6, '0'), 'US', 'B0' || lpad(i::text, 8, '0'), 'SKU-' || i, 'Bench product ' || i
       from generate_series(1, $2::int) as i`,
      [workspaceId, products],
    );
    const productId = (i: number) => `prod_BENCH${String(i + 1).padStart(6, '0')}`;

    progress(`preparing ${totalRows.toLocaleString('en')} rows (${products} products x ${DAYS} days)`);
    const bodies: string[] = [];
    const csv: string[] = []; // one chunk per batch, as a client streaming a file would send it
    for (let p = 0; p < products; p += BATCH / DAYS) {
      const rows = [];
      let chunk = '';
      for (let q = p; q < p + BATCH / DAYS; q++) {
        for (let d = 0; d < DAYS; d++) {
          const row = { product_id: productId(q), date: day(d), sessions: 100 + (d % 97), page_views: 150 + (d % 13), units_ordered: 5 + (d % 7), ordered_product_sales: { amount: ((5 + (d % 7)) * 19.99).toFixed(2), currency: 'USD' } };
          rows.push(row);
          chunk += `${workspaceId},${row.product_id},US,${row.date},${row.sessions},${row.page_views},${row.units_ordered},${row.ordered_product_sales.amount},USD\n`;
        }
      }
      bodies.push(JSON.stringify({ family: 'traffic_sales', rows }));
      csv.push(chunk);
    }

    const empty = () => raw.query('truncate metric_traffic_sales');
    const ours = async (): Promise<number> => {
      await empty();
      const started = performance.now();
      let next = 0;
      const worker = async () => {
        while (next < bodies.length) {
          const body = bodies[next++]!;
          const res = await fetch(`${url}/v1/metrics/facts`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body });
          const result = (await res.json()) as { inserted?: number };
          if (res.status !== 200 || result.inserted !== BATCH) throw new Error(`ingest answered ${res.status}: ${JSON.stringify(result).slice(0, 300)}`);
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      return totalRows / ((performance.now() - started) / 1000);
    };
    const baseline = async (): Promise<number> => {
      await empty();
      const started = performance.now();
      const copy = raw.query(copyFrom('copy metric_traffic_sales (workspace_id, product_id, marketplace, date, sessions, page_views, units_ordered, ordered_product_sales, currency) from stdin (format csv)'));
      await pipeline(Readable.from(csv, { objectMode: false }), copy);
      return totalRows / ((performance.now() - started) / 1000);
    };

    // Warm-up: one batch through the API, then both sides alternately.
    await fetch(`${url}/v1/metrics/facts`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: bodies[0]! }).then((r) => r.text());
    const figures = { ours: [] as number[], baseline: [] as number[] };
    for (let round = 1; round <= rounds; round++) {
      const sides = round % 2 === 1 ? (['ours', 'baseline'] as const) : (['baseline', 'ours'] as const);
      for (const side of sides) {
        const rps = side === 'ours' ? await ours() : await baseline();
        figures[side].push(rps);
        progress(`  round ${round}/${rounds} ${side.padEnd(8)} ${Math.round(rps).toLocaleString('en')} rows/s`);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const result = {
      name: 'facts-ingest',
      title: `POST /v1/metrics/facts, ${totalRows.toLocaleString('en')} traffic rows in batches of ${BATCH.toLocaleString('en')} (${concurrency} at a time) vs COPY of the same rows into the same table`,
      unit: 'rows/s',
      ours: Math.round(median(figures.ours)),
      baseline: Math.round(median(figures.baseline)),
      ratio: Math.round((median(figures.ours) / median(figures.baseline)) * 1000) / 1000,
      target: 0.4,
      rounds: { ours: figures.ours.map(Math.round), baseline: figures.baseline.map(Math.round) },
    };
    const report = { date: new Date().toISOString(), machine: describeMachine({ engine: 'postgres', version: (await raw.query('show server_version')).rows[0].server_version, where: scratch.where }, loadAtStart), cases: [result] };
    if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else process.stdout.write(`\n${result.title}\n  ours      ${result.ours.toLocaleString('en')} rows/s\n  baseline  ${result.baseline.toLocaleString('en')} rows/s\n  ratio     ${result.ratio} (target 0.4 or better: ${result.ratio >= 0.4 ? 'met' : 'not met'})\n  load      ${report.machine.load_average.start} at start, ${report.machine.load_average.end} at end\n`);
  } finally {
    await raw.end();
    await app.close();
  }
} finally {
  await database.close();
  await scratch.drop();
}
