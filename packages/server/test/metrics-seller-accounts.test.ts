import t from 'tap';
import { createTestApp, type TestApp } from './helpers/index.ts';
import { fixture, importForm } from './helpers/imports.ts';
import { makeProduct, newAsin, postFacts } from './helpers/metrics-factories.ts';
import { makeResource } from './helpers/resource-factories.ts';
import { databaseSnapshot } from './helpers/snapshot.ts';

// Products, facts and imports name their store by a seller_account resource of the
// registry; anything else is refused and changes nothing.
const h: TestApp = await createTestApp();
t.teardown(h.close);

t.test('a product links to a seller account of the registry, never to another kind or another workspace', async (t) => {
  const account = await makeResource(h, 'seller_account');
  const phone = await makeResource(h, 'phone_number');
  const other = await h.createWorkspace('Company B');
  const foreign = await makeResource(h, 'seller_account', {}, other.key);

  const linked = await makeProduct(h, { seller_account_id: account.id });
  const read = await h.request({ method: 'GET', url: `/v1/products/${linked.id}` });
  t.equal(read.json().seller_account_id, account.id);

  for (const [what, id] of [
    ['an unknown id', 'res_01NOSUCHACCOUNT'],
    ['a resource of another kind', phone.id],
    ["another workspace's account", foreign.id],
  ] as const) {
    const before = await databaseSnapshot(h);
    const created = await h.request({ method: 'POST', url: '/v1/products', payload: { marketplace: 'US', asin: newAsin(), seller_account_id: id } });
    t.equal(created.statusCode, 422, `create with ${what}`);
    t.match(created.json(), { code: 'validation_failed', errors: [{ path: '/body/seller_account_id' }] });
    const patched = await h.request({ method: 'PATCH', url: `/v1/products/${linked.id}`, payload: { seller_account_id: id } });
    t.equal(patched.statusCode, 422, `update with ${what}`);
    t.same(await databaseSnapshot(h), before, `${what}: nothing changed`);
  }

  const unlinked = await h.request({ method: 'PATCH', url: `/v1/products/${linked.id}`, payload: { seller_account_id: null } });
  t.equal(unlinked.statusCode, 200);
  t.equal(unlinked.json().seller_account_id, null, 'the link can be removed');
});

t.test('account-level facts name a seller account of the registry', async (t) => {
  const account = await makeResource(h, 'seller_account');
  const row = (seller_account_id: string) => ({ marketplace: 'US', seller_account_id, date: '2026-11-02', campaign: 'Brand', search_term: 'lamp', clicks: 4 });

  const before = await databaseSnapshot(h);
  const refused = await postFacts(h, 'ads', [row(account.id), row('res_01NOSUCHACCOUNT')]);
  t.equal(refused.statusCode, 422);
  t.same(refused.json().errors, [{ path: '/body/rows/1/seller_account_id', message: 'names no seller_account resource of this workspace' }]);
  t.same(await databaseSnapshot(h), before, 'all or nothing: nothing written');

  const skipped = await postFacts(h, 'ads', [row(account.id), row('res_01NOSUCHACCOUNT')], 'skip_invalid');
  t.match(skipped.json(), { accepted: 1, inserted: 1, rejected: [{ row: 1, errors: [{ path: '/seller_account_id' }] }] });
  const series = await h.request({ method: 'GET', url: '/v1/metrics/series?measures=clicks&from=2026-11-02&to=2026-11-02&group_by=seller_account' });
  t.same(
    series.json().data.map((d: { group: { key: string }; values: { clicks: number } }) => [d.group.key, d.values.clicks]),
    [[account.id, 4]],
  );
});

t.test('an import names a seller account of the registry: its new products are linked to it', async (t) => {
  const c = await h.createWorkspace('Company C');
  const account = await makeResource(h, 'seller_account', {}, c.key);
  const upload = (fields: Record<string, string>) => h.request({ method: 'POST', url: '/v1/imports', key: c.key, ...importForm(fixture('business-report-child-us.csv'), fields) });

  const before = await databaseSnapshot(h);
  const refused = await upload({ marketplace: 'US', date: '2024-09-21', seller_account_id: 'res_01NOSUCHACCOUNT' });
  t.equal(refused.statusCode, 422);
  t.match(refused.json(), { code: 'validation_failed', errors: [{ path: '/body/seller_account_id' }] });
  t.same(await databaseSnapshot(h), before, 'nothing imported');

  const done = await upload({ marketplace: 'US', date: '2024-09-21', seller_account_id: account.id });
  t.equal(done.statusCode, 201, done.body);
  t.equal(done.json().seller_account_id, account.id);
  const products = await h.request({ method: 'GET', url: '/v1/products?limit=200', key: c.key });
  t.ok(products.json().data.length > 0);
  t.ok(
    products.json().data.every((p: { seller_account_id: string }) => p.seller_account_id === account.id),
    'every product the import added belongs to the account',
  );
});
