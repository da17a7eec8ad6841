import Fastify from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../../src/db/database.ts';
import { addDays } from '../../src/modules/sops/dates.ts';
import { defineCase } from '../lib/case.ts';
import { startOurs } from '../lib/ours.ts';

/** BENCH_METRICS_PRODUCTS keeps the case runnable on a laptop; the figures in docs/performance.md use the default. */
const PRODUCTS = Number(process.env.BENCH_METRICS_PRODUCTS ?? 2_000);
const DAYS = 730;
const TO = '2026-10-31';
const FROM = addDays(TO, -(DAYS - 1));

/** Two years of daily traffic and sales for every product, generated in the database. */
async function seed(database: Db, workspaceId: string): Promise<void> {
  // 1.46 million rows take longer than the service's statement timeout on a busy machine.
  await database.transaction().execute(async (db) => {
    await sql`set local statement_timeout = 0`.execute(db);
    await sql`
      insert into products (workspace_id, id, marketplace, asin, sku, product_line)
      select ${workspaceId}, 'prod_BENCH' || lpad(i::text, 6, '0'), 'US', 'B0' || lpad(i::text, 8, '0'), 'SKU-' || i, 'line ' || (i % 20)
        from generate_series(1, ${PRODUCTS}) as i`.execute(db);
    await sql`
      insert into metric_traffic_sales (workspace_id, product_id, marketplace, seller_account_id, date, sessions, page_views, units_ordered, ordered_product_sales, currency, total_order_items)
      select ${workspaceId}, 'prod_BENCH' || lpad(i::text, 6, '0'), 'US', '', d::date,
             50 + (i * 7 + extract(doy from d)::int) % 150, 80 + (i * 11) % 200, (i + extract(doy from d)::int) % 17, ((i + extract(doy from d)::int) % 17) * 19.99, 'USD', (i + extract(doy from d)::int) % 15
        from generate_series(1, ${PRODUCTS}) as i, generate_series(${FROM}::date, ${TO}::date, interval '1 day') as d`.execute(db);
  });
  await sql`analyze products, metric_traffic_sales`.execute(database);
}

/** The same monthly totals in hand-written SQL, with conversion computed in the query. */
async function monthlyBySql(db: Db, workspaceId: string) {
  const result = await sql<{ month: string; sessions: number; units: number; sales: string }>`
    select date_trunc('month', date)::date as month, sum(sessions)::bigint as sessions, sum(units_ordered)::bigint as units,
           sum(ordered_product_sales)::text as sales
      from metric_traffic_sales
     where workspace_id = ${workspaceId} and date between ${FROM} and ${TO}
     group by 1 order by 1`.execute(db);
  return result.rows.map((r) => ({
    period: r.month.slice(0, 7),
    values: { sessions: r.sessions, units_ordered: r.units, ordered_product_sales: { amount: r.sales, currency: 'USD' }, conversion: r.sessions ? r.units / r.sessions : null },
  }));
}

export default defineCase({
  title: `GET /v1/metrics/series (monthly sessions, units, sales and conversion over two years of ${PRODUCTS.toLocaleString('en')} products) vs a bare route running the hand-written SQL`,
  unit: 'req/s',
  target: 0.8,
  async serve({ database }) {
    const { app: ours, url: oursUrl, headers, workspaceId } = await startOurs(database);
    await seed(database.db, workspaceId);
    const path = `/v1/metrics/series?measures=sessions,units_ordered,ordered_product_sales,conversion&from=${FROM}&to=${TO}&grain=month`;

    const baseline = Fastify({ logger: false });
    baseline.get('/v1/metrics/series', async () => ({ object: 'metric_series', data: await monthlyBySql(database.db, workspaceId) }));
    const baselineUrl = await baseline.listen({ port: 0, host: '127.0.0.1' });

    // Both sides must give the same totals.
    type Answer = { data: Array<{ period: string; values: { sessions: number; units_ordered: number } }> };
    const read = async (url: string): Promise<Answer> => {
      let response = await fetch(url, { headers });
      for (let attempt = 0; response.status === 503 && attempt < 40; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        response = await fetch(url, { headers });
      }
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as Answer;
    };
    const totals = (a: Answer) => a.data.map((p) => `${p.period}:${p.values.sessions}:${p.values.units_ordered}`).join(',');
    const [oursAnswer, baseAnswer] = [await read(`${oursUrl}${path}`), await read(`${baselineUrl}/v1/metrics/series`)];
    if (oursAnswer.data.length !== 24 || totals(oursAnswer) !== totals(baseAnswer)) throw new Error('ours and the baseline give different monthly totals');

    return {
      ours: { url: `${oursUrl}${path}`, headers },
      baseline: { url: `${baselineUrl}/v1/metrics/series`, headers },
      async close() {
        await Promise.all([ours.close(), baseline.close()]);
      },
    };
  },
});
