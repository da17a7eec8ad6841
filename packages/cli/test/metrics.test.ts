import t from 'tap';
import { startTestServer } from '@sellerops/server/testing';
import { runCli } from './helpers/run-cli.ts';

const server = await startTestServer();
t.teardown(server.close);

const sellerops = (args: string[], key: string = server.adminKey) => runCli(args, { SELLEROPS_URL: server.url, SELLEROPS_API_KEY: key });

t.test('metrics series prints a table of measures by period, with the comparison', async (t) => {
  const product = (await server.request({ method: 'POST', url: '/v1/products', payload: { marketplace: 'US', asin: 'B0CLILAMP1', title: 'Lamp' } })).json();
  const facts = await server.request({
    method: 'POST',
    url: '/v1/metrics/facts',
    payload: {
      family: 'traffic_sales',
      rows: [
        { product_id: product.id, date: '2026-10-27', sessions: 100, units_ordered: 5 },
        { product_id: product.id, date: '2026-11-03', sessions: 200, units_ordered: 20, ordered_product_sales: { amount: '399.80', currency: 'USD' } },
      ],
    },
  });
  t.equal(facts.statusCode, 200, facts.body);

  const result = await sellerops(['metrics', 'series', '--measures', 'sessions,conversion,ordered_product_sales', '--from', '2026-11-02', '--to', '2026-11-08', '--grain', 'week', '--compare', 'previous_period']);
  t.equal(result.code, 0, result.stderr);
  const lines = result.stdout.trim().split('\n');
  t.match(lines[0], /^PERIOD\s+SESSIONS\s+PREVIOUS\s+CHANGE\s+CONVERSION\s+PREVIOUS\s+CHANGE\s+ORDERED_PRODUCT_SALES/);
  t.match(lines[1], /^2026-W45\s+200\s+100\s+\+100\.0%\s+0\.1000\s+0\.0500\s+\+100\.0%\s+399\.80 USD\s+-\s+-$/);

  const grouped = await sellerops(['metrics', 'series', '--measures', 'sessions', '--from', '2026-11-03', '--to', '2026-11-03', '--group-by', 'product']);
  t.match(grouped.stdout, /B0CLILAMP1 Lamp\s+200/);

  const json = await sellerops(['metrics', 'series', '--measures', 'sessions', '--from', '2026-11-03', '--to', '2026-11-03', '--json']);
  t.equal(JSON.parse(json.stdout).data[0].values.sessions, 200);

  const bad = await sellerops(['metrics', 'series', '--measures', 'happiness', '--from', '2026-11-03', '--to', '2026-11-03']);
  t.not(bad.code, 0);
  t.match(bad.stderr, /happiness/);
  const empty = await sellerops(['metrics', 'series', '--measures', 'sessions', '--from', '2020-01-01', '--to', '2020-01-02']);
  t.match(empty.stdout, /No data in this range/);
});
