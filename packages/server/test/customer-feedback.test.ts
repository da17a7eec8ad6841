import t from 'tap';
import { createTestApp, type TestApp } from './helpers/index.ts';
import { makeProduct } from './helpers/metrics-factories.ts';
import { databaseSnapshot } from './helpers/snapshot.ts';

const h: TestApp = await createTestApp();
t.teardown(h.close);

const review = (external_id: string, date: string, rating: number, text: string, extra: Record<string, unknown> = {}) => ({ source: 'review', external_id, date, rating, text, ...extra });
const complaint = (external_id: string, date: string, category: string, text: string) => ({ source: 'voice_of_customer', external_id, date, category, text });
const post = (productId: string, items: unknown[], key?: string) =>
  h.request({ method: 'POST', url: `/v1/products/${productId}/customer-feedback`, payload: { items }, ...(key ? { key } : {}) });
const list = async (productId: string, query = '', key?: string) => {
  const res = await h.request({ method: 'GET', url: `/v1/products/${productId}/customer-feedback${query}`, ...(key ? { key } : {}) });
  return { status: res.statusCode, body: res.json() };
};

t.test('reviews and complaints are stored word for word, upserted on their Amazon id', async (t) => {
  const p = await makeProduct(h);
  const items = [
    review('R1', '2026-11-02', 5, 'Bright and sturdy.', { title: 'Great lamp', verified_purchase: true }),
    review('R2', '2026-11-03', 2, 'The clamp snapped after a week.', { title: 'Clamp broke' }),
    complaint('V1', '2026-11-04', 'Not as described', 'Listing says 1000 lumens; it is far dimmer.'),
  ];
  const first = await post(p.id, items);
  t.equal(first.statusCode, 200, first.body);
  t.same(first.json(), { object: 'customer_feedback_batch_result', received: 3, inserted: 3, updated: 0, unchanged: 0 });

  const again = await post(p.id, items);
  t.same(again.json(), { object: 'customer_feedback_batch_result', received: 3, inserted: 0, updated: 0, unchanged: 3 }, 'the same items twice change nothing');

  const edited = await post(p.id, [review('R2', '2026-11-03', 1, 'The clamp snapped after a week. Seller never answered.', { title: 'Clamp broke' })]);
  t.same(edited.json(), { object: 'customer_feedback_batch_result', received: 1, inserted: 0, updated: 1, unchanged: 0 }, 'an edited review is updated');

  const all = await list(p.id);
  t.equal(all.status, 200);
  t.same(
    all.body.data.map((f: { external_id: string; negative: boolean; rating: number | null }) => [f.external_id, f.negative, f.rating]),
    [['V1', true, null], ['R2', true, 1], ['R1', false, 5]],
    'newest first; 1 to 3 stars and every complaint are negative',
  );
  const r2 = all.body.data.find((f: { external_id: string }) => f.external_id === 'R2');
  t.match(r2, { object: 'customer_feedback', product_id: p.id, source: 'review', title: 'Clamp broke', text: /Seller never answered/, version: 2 });

  const negative = await list(p.id, '?negative=true&source=review');
  t.same(negative.body.data.map((f: { external_id: string }) => f.external_id), ['R2']);
  const byCategory = await list(p.id, '?category=Not%20as%20described');
  t.same(byCategory.body.data.map((f: { external_id: string }) => f.external_id), ['V1']);
  const range = await list(p.id, '?from=2026-11-03&to=2026-11-03');
  t.same(range.body.data.map((f: { external_id: string }) => f.external_id), ['R2']);

  const page1 = await list(p.id, '?limit=2');
  t.equal(page1.body.data.length, 2);
  const page2 = await list(p.id, `?limit=2&cursor=${page1.body.next_cursor}`);
  t.same(page2.body.data.map((f: { external_id: string }) => f.external_id), ['R1'], 'pages follow the cursor');
  t.equal(page2.body.next_cursor, null);
});

t.test('bad items refuse the whole batch and change nothing', async (t) => {
  const p = await makeProduct(h);
  const before = await databaseSnapshot(h);
  const cases: Array<[string, unknown[], string]> = [
    ['a review without rating', [{ source: 'review', external_id: 'X1', date: '2026-11-02', text: 'no stars' }], '/body/items/0/rating'],
    ['a complaint with a rating', [{ ...complaint('X2', '2026-11-02', 'Quality', 'bad'), rating: 2 }], '/body/items/0/rating'],
    ['the same item twice', [review('X3', '2026-11-02', 4, 'ok'), review('X3', '2026-11-02', 3, 'meh')], '/body/items/1/external_id'],
    ['six stars', [review('X4', '2026-11-02', 6, 'too good')], '/body/items/0/rating'],
    ['an impossible date', [review('X5', '2026-02-30', 4, 'when?')], '/body/items/0/date'],
    ['empty text', [review('X6', '2026-11-02', 4, '')], '/body/items/0/text'],
    ['an unknown source', [{ ...review('X7', '2026-11-02', 4, 'hm'), source: 'tweet' }], '/body/items/0/source'],
  ];
  for (const [what, items, path] of cases) {
    const res = await post(p.id, [review('GOOD', '2026-11-02', 5, 'fine'), ...items]);
    t.ok([400, 422].includes(res.statusCode), `${what}: ${res.statusCode}`);
    t.equal(res.json().code, 'validation_failed', what);
    // Item 0 of each case is sent after a good item, so it is item 1 of the batch.
    const expected = path.replace(/items\/(\d+)/, (_m, i: string) => `items/${Number(i) + 1}`);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    t.ok(paths.includes(expected), `${what}: ${expected} in ${paths.join(', ')}`);
  }
  const empty = await post(p.id, []);
  t.equal(empty.statusCode, 400, 'an empty batch');
  const inverted = await list(p.id, '?from=2026-11-05&to=2026-11-01');
  t.equal(inverted.status, 422, 'from after to');
  const unknown = await post('prod_01NOSUCHPRODUCT', [review('Z', '2026-11-02', 5, 'x')]);
  t.equal(unknown.statusCode, 404);
  t.same(await databaseSnapshot(h), before, 'nothing was written');
});

t.test("another workspace neither reads nor writes a product's feedback", async (t) => {
  const p = await makeProduct(h);
  await post(p.id, [review('R1', '2026-11-02', 1, 'Arrived broken')]);
  const other = await h.createWorkspace('Company B');
  const read = await list(p.id, '', other.key);
  t.equal(read.status, 404);
  const write = await post(p.id, [review('R9', '2026-11-02', 1, 'planted')], other.key);
  t.equal(write.statusCode, 404);
  t.same((await list(p.id)).body.data.map((f: { external_id: string }) => f.external_id), ['R1']);
});

t.test('GraphQL serves the same feedback and checks its arguments', async (t) => {
  const p = await makeProduct(h);
  await post(p.id, [review('R1', '2026-11-02', 2, 'Too dim'), review('R2', '2026-11-03', 5, 'Love it')]);
  const query = (args: string) => h.request({ method: 'POST', url: '/graphql', payload: { query: `{ customer_feedback(product_id: "${p.id}"${args}) { nodes { external_id negative text } page_info { has_next_page } } }` } });
  const res = await query(', negative: true');
  t.same(res.json().data.customer_feedback, { nodes: [{ external_id: 'R1', negative: true, text: 'Too dim' }], page_info: { has_next_page: false } });
  const bad = await query(', source: "tweet"');
  t.match(bad.json().errors[0], { extensions: { code: 'validation_failed' } });
});
