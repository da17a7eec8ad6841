import t from 'tap';
import { createTestApp } from './helpers/index.ts';

const EXPECTED = ['product_lifecycle', 'keyword_research', 'competitor_analysis', 'listing_build', 'inventory_management', 'reorder_plan', 'daily_operations'];

t.test('GET /v1/sop-library lists the starter templates with real steps and fields', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const res = await h.request({ method: 'GET', url: '/v1/sop-library' });
  t.equal(res.statusCode, 200);
  const library = res.json();
  t.same(library.data.map((x: { key: string }) => x.key), EXPECTED);
  for (const template of library.data) {
    t.ok(template.purpose.length > 100, `${template.key} explains why`);
    t.ok(template.steps.length >= 5, `${template.key} has at least five steps`);
    for (const step of template.steps) {
      t.ok(step.instructions.length > 40, `${template.key}.${step.key} has instructions`);
      t.ok(step.fields.length > 0, `${template.key}.${step.key} records data`);
    }
  }
  const lifecycle = library.data[0];
  const order = lifecycle.steps.map((s: { key: string }) => s.key);
  // The master SOP follows the stages of DOMAIN.md, each after the one before.
  for (const [earlier, later] of [
    ['selection_decision', 'listing_copy'],
    ['listing_live', 'first_shipment'],
    ['first_shipment', 'launch'],
    ['launch_review', 'reorder'],
    ['launch', 'after_sales'],
    ['after_sales', 'finance_review'],
  ]) {
    t.ok(order.indexOf(earlier) < order.indexOf(later), `${earlier} comes before ${later}`);
  }
});

t.test('POST /v1/sop-library/{key}/install copies every starter template into the workspace', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const library = (await h.request({ method: 'GET', url: '/v1/sop-library' })).json();
  for (const key of EXPECTED) {
    const res = await h.request({ method: 'POST', url: `/v1/sop-library/${key}/install`, payload: {} });
    t.equal(res.statusCode, 201, `${key} installs`);
    const template = res.json();
    t.match(template, { key, library_key: key, latest_version: 1 });
    t.same(template.steps, library.data.find((x: { key: string }) => x.key === key).steps, `${key} keeps every step`);
  }
  const again = await h.request({ method: 'POST', url: '/v1/sop-library/product_lifecycle/install', payload: {} });
  t.equal(again.statusCode, 409, 'installing twice under the same key conflicts');
  const copy = await h.request({ method: 'POST', url: '/v1/sop-library/product_lifecycle/install', payload: { key: 'lifecycle_eu', name: 'Lifecycle for the EU line' } });
  t.equal(copy.statusCode, 201, 'a second copy under another key');
  t.match(copy.json(), { key: 'lifecycle_eu', name: 'Lifecycle for the EU line', library_key: 'product_lifecycle' });
  const bare = await h.request({ method: 'POST', url: '/v1/sop-library/keyword_research/install', payload: { key: 'kw_two' } });
  t.equal(bare.statusCode, 201);
  const unknown = await h.request({ method: 'POST', url: '/v1/sop-library/no_such_template/install', payload: {} });
  t.equal(unknown.statusCode, 404);
  const list = (await h.request({ method: 'GET', url: '/v1/sop-templates?limit=200' })).json();
  t.equal(list.data.length, EXPECTED.length + 2);
});
