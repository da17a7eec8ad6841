import t from 'tap';
import { startTestServer } from '@sellerops/server/testing';
import { runCli } from './helpers/run-cli.ts';

const server = await startTestServer();
t.teardown(server.close);

const sellerops = (args: string[], key: string = server.adminKey) => runCli(args, { SELLEROPS_URL: server.url, SELLEROPS_API_KEY: key });

t.test('metrics diagnose prints the split, the ranked causes and what is unknown', async (t) => {
  const product = (await server.request({ method: 'POST', url: '/v1/products', payload: { marketplace: 'US', asin: 'B0CLIDIAG1', parent_asin: 'B0CLIPARNT', title: 'Lamp' } })).json();
  const days = (dates: string[], sessions: number, units: number) => dates.map((date) => ({ product_id: product.id, date, sessions, units_ordered: units }));
  const facts = await server.request({
    method: 'POST',
    url: '/v1/metrics/facts',
    payload: { family: 'traffic_sales', rows: [...days(['2026-11-09', '2026-11-10'], 100, 10), ...days(['2026-11-16', '2026-11-17'], 80, 4)] },
  });
  t.equal(facts.statusCode, 200, facts.body);

  const result = await sellerops(['metrics', 'diagnose', '--product', product.id, '--period', '2026-W47']);
  t.equal(result.code, 0, result.stderr);
  t.match(result.stdout, /period\s+2026-W47 \(2026-11-16 to 2026-11-22\)/);
  t.match(result.stdout, /units\s+20 -> 8 \(-12\)/);
  t.match(result.stdout, /traffic part\s+-3\n/, '(160 - 200) x (0.1 + 0.05) / 2');
  t.match(result.stdout, /conversion part\s+-9\n/);
  t.match(result.stdout, /1\s+other_conversion\s+-9\s+Conversion went from 10% to 5%/);
  t.match(result.stdout, /Unknown \(missing data\):\n\s+keyword_rank: no keyword_ranks in previous and current/);

  const json = await sellerops(['metrics', 'diagnose', '--parent-asin', 'B0CLIPARNT', '--period', '2026-W47', '--json']);
  t.equal(json.code, 0, json.stderr);
  t.same(JSON.parse(json.stdout).scope.product_ids, [product.id]);

  const both = await sellerops(['metrics', 'diagnose', '--product', product.id, '--parent-asin', 'B0CLIPARNT']);
  t.not(both.code, 0);
  t.match(both.stderr, /--product goes alone/);
  const bad = await sellerops(['metrics', 'diagnose', '--product', product.id, '--from', '2026-11-20', '--to', '2026-11-01']);
  t.not(bad.code, 0);
  t.match(bad.stderr, /after/);
});
