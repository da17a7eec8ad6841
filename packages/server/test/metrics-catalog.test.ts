import t from 'tap';
import { systemContext } from '../src/lib/context.ts';
import { findOrCreateProducts, productKeyOf } from '../src/modules/metrics/products.service.ts';
import { createTestApp } from './helpers/index.ts';
import { makeMember } from './helpers/factories.ts';
import { makeProduct, newAsin } from './helpers/metrics-factories.ts';

t.test('the catalog: create, read, list with filters, update with If-Match; unique by (marketplace, asin, sku)', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const operator = await makeMember(h);
  const asin = newAsin();
  const created = await h.request({
    method: 'POST',
    url: '/v1/products',
    payload: { marketplace: 'GB', asin, sku: 'LAMP-1', parent_asin: 'B0PARENT00', title: 'Desk lamp', product_line: 'lighting', operator_member_id: operator.id, unit_cost: { amount: '4.20', currency: 'USD' } },
  });
  t.equal(created.statusCode, 201, created.body);
  const product = created.json();
  t.match(product, { object: 'product', marketplace: 'UK', asin, sku: 'LAMP-1', status: 'active', unit_cost: { amount: '4.20', currency: 'USD' }, version: 1 });

  const twice = await h.request({ method: 'POST', url: '/v1/products', payload: { marketplace: 'UK', asin, sku: 'LAMP-1' } });
  t.equal(twice.statusCode, 409);
  t.equal(twice.json().code, 'conflict');
  const otherSku = await h.request({ method: 'POST', url: '/v1/products', payload: { marketplace: 'UK', asin } });
  t.equal(otherSku.statusCode, 201, 'the same ASIN without a SKU is another product');
  t.equal(otherSku.json().sku, null);

  const got = await h.request({ method: 'GET', url: `/v1/products/${product.id}` });
  t.equal(got.headers.etag, '"1"');
  const list = await h.request({ method: 'GET', url: '/v1/products?marketplace=GB&product_line=lighting' });
  t.same(list.json().data.map((p: { id: string }) => p.id), [product.id]);
  const search = await h.request({ method: 'GET', url: '/v1/products?q=lamp-1' });
  t.same(search.json().data.map((p: { id: string }) => p.id), [product.id]);

  const stale = await h.request({ method: 'PATCH', url: `/v1/products/${product.id}`, headers: { 'if-match': '"7"' }, payload: { title: 'X' } });
  t.equal(stale.statusCode, 412);
  const patched = await h.request({ method: 'PATCH', url: `/v1/products/${product.id}`, headers: { 'if-match': '"1"' }, payload: { title: 'LED desk lamp', unit_cost: null, status: 'inactive' } });
  t.equal(patched.statusCode, 200);
  t.match(patched.json(), { title: 'LED desk lamp', unit_cost: null, status: 'inactive', version: 2, asin });
  const asinChange = await h.request({ method: 'PATCH', url: `/v1/products/${product.id}`, payload: { asin: 'B0OTHER000' } });
  t.equal(asinChange.statusCode, 400, 'the natural key never changes');
  const unknownOperator = await h.request({ method: 'PATCH', url: `/v1/products/${product.id}`, payload: { operator_member_id: 'mem_01NOSUCHMEMBER' } });
  t.equal(unknownOperator.statusCode, 422);
});

t.test('keywords and competitors of a product, with DELETE on each', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const p = await makeProduct(h);
  const kw = await h.request({ method: 'POST', url: `/v1/products/${p.id}/keywords`, payload: { keyword: '  Desk   Lamp ' } });
  t.equal(kw.statusCode, 201);
  t.equal(kw.json().keyword, 'desk lamp');
  t.equal((await h.request({ method: 'POST', url: `/v1/products/${p.id}/keywords`, payload: { keyword: 'desk lamp' } })).statusCode, 409);
  const comp = await h.request({ method: 'POST', url: `/v1/products/${p.id}/competitors`, payload: { asin: 'B0RIVAL001', tier: 'A', note: 'Same price point' } });
  t.equal(comp.statusCode, 201);
  t.equal((await h.request({ method: 'POST', url: `/v1/products/${p.id}/competitors`, payload: { asin: 'B0RIVAL002', tier: 'E' } })).statusCode, 400);
  t.same((await h.request({ method: 'GET', url: `/v1/products/${p.id}/keywords` })).json().data.map((k: { id: string }) => k.id), [kw.json().id]);
  t.same((await h.request({ method: 'GET', url: `/v1/products/${p.id}/competitors` })).json().data.map((c: { tier: string }) => c.tier), ['A']);

  const other = await makeProduct(h);
  t.equal((await h.request({ method: 'DELETE', url: `/v1/products/${other.id}/keywords/${kw.json().id}` })).statusCode, 404, 'an item is deleted under its own product only');
  t.equal((await h.request({ method: 'DELETE', url: `/v1/products/${p.id}/keywords/${kw.json().id}`, headers: { 'if-match': '"2"' } })).statusCode, 412);
  const deleted = await h.request({ method: 'DELETE', url: `/v1/products/${p.id}/keywords/${kw.json().id}` });
  t.same(deleted.json(), { id: kw.json().id, object: 'keyword', deleted: true });
  t.equal((await h.request({ method: 'DELETE', url: `/v1/products/${p.id}/competitors/${comp.json().id}` })).statusCode, 200);
  t.same((await h.request({ method: 'GET', url: `/v1/products/${p.id}/competitors` })).json().data, []);
});

t.test('findOrCreateProducts adds unseen products set-based and returns every id', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const existing = await makeProduct(h, { marketplace: 'DE', sku: 'A-1' });
  const fresh = newAsin();
  const keys = [
    { marketplace: 'DE', asin: existing.asin, sku: 'A-1' },
    { marketplace: 'GB', asin: fresh, sku: 'B-1', parent_asin: 'B0PARENT00', title: 'Lamp' },
    { marketplace: 'UK', asin: fresh, sku: 'B-1' },
    { marketplace: 'UK', asin: fresh },
  ];
  h.testDb.statements.length = 0;
  const ctx = systemContext(h.app.db, h.workspaceId);
  const ids = await findOrCreateProducts(ctx, keys);
  t.ok(h.testDb.statements.length <= 2, `${h.testDb.statements.length} statements for ${keys.length} keys (the insert and the audit)`);
  t.equal(ids.size, 3, 'GB and UK are one marketplace');
  t.equal(ids.get(productKeyOf(keys[0]!)), existing.id);
  const created = await h.request({ method: 'GET', url: `/v1/products/${ids.get(productKeyOf(keys[1]!))}` });
  t.match(created.json(), { marketplace: 'UK', asin: fresh, sku: 'B-1', parent_asin: 'B0PARENT00', title: 'Lamp' });
  t.same(await findOrCreateProducts(ctx, keys), ids, 'a second call finds the same products');
  t.equal((await h.request({ method: 'GET', url: '/v1/products?limit=200' })).json().data.length, 3);
});
