import t from 'tap';
import { createTestApp, type TestApp } from './helpers/index.ts';
import { alertsOf, days, evaluate, makeRule } from './helpers/alert-factories.ts';
import { makeMember } from './helpers/factories.ts';
import { fixture, importForm } from './helpers/imports.ts';
import { makeProduct, postFacts } from './helpers/metrics-factories.ts';
import { makeTemplate } from './helpers/sop-factories.ts';
import { readFileSync } from 'node:fs';

/** Dedupe, resolution, recurrence, manual changes, evaluation triggers and the SOP run an alert starts. */

const buyBox = (productId: string, dates: string[], percentage: number) => dates.map((date) => ({ date, product_id: productId, sessions: 100, units_ordered: 5, buy_box_percentage: percentage }));

async function buyBoxRule(h: TestApp, productIds: string[], extra: Record<string, unknown> = {}) {
  return makeRule(h, { type: 'buy_box_below', threshold: 90, window_days: 3, scope: 'products', product_ids: productIds, ...extra });
}

t.test('an open condition is one alert: evaluating again changes nothing, newer facts update it', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const product = await makeProduct(h);
  const rule = await buyBoxRule(h, [product.id]);
  t.equal((await postFacts(h, 'traffic_sales', buyBox(product.id, days('2026-03-01', 3), 70))).statusCode, 200);
  const [raised] = await alertsOf(h, `rule_id=${rule.id}`);
  t.equal(raised!.observed_value, 70);

  const again = await evaluate(h);
  t.same([again.rules_evaluated, again.raised, again.updated, again.resolved], [1, 0, 0, 0], 'evaluating the same facts raises and changes nothing');
  await evaluate(h);
  const after = await alertsOf(h, `rule_id=${rule.id}`);
  t.equal(after.length, 1, 'still one alert');
  t.equal(after[0]!.version, raised!.version, 'untouched');

  await postFacts(h, 'traffic_sales', buyBox(product.id, ['2026-03-04'], 40));
  const updated = await alertsOf(h, `rule_id=${rule.id}`);
  t.equal(updated.length, 1, 'newer facts of the same condition do not raise a second alert');
  t.equal(updated[0]!.id, raised!.id);
  t.equal(updated[0]!.observed_value, 60, '(70 + 70 + 40) / 3 over the window that now ends on the 4th');
  t.equal(updated[0]!.window_end, '2026-03-04');
  t.ok(updated[0]!.version > raised!.version, 'the open alert was updated');
});

t.test('an alert resolves when its condition clears, acknowledged or not, and a recurrence raises a new one', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const [a, b] = [await makeProduct(h), await makeProduct(h)];
  const rule = await buyBoxRule(h, [a.id, b.id]);
  await postFacts(h, 'traffic_sales', [...buyBox(a.id, days('2026-03-01', 3), 70), ...buyBox(b.id, days('2026-03-01', 3), 70)]);
  const [alertB] = await alertsOf(h, `product_id=${b.id}`);
  const ack = await h.request({ method: 'PATCH', url: `/v1/alerts/${alertB!.id}`, payload: { status: 'acknowledged' }, headers: { 'if-match': `"${alertB!.version}"` } });
  t.equal(ack.statusCode, 200);

  await postFacts(h, 'traffic_sales', [...buyBox(a.id, days('2026-03-04', 3), 100), ...buyBox(b.id, days('2026-03-04', 3), 100)]);
  const cleared = await alertsOf(h, `rule_id=${rule.id}`);
  t.same(cleared.map((x) => [x.status, x.resolution]), [['resolved', 'condition_cleared'], ['resolved', 'condition_cleared']], 'open and acknowledged alerts both resolve');
  t.ok(cleared.every((x) => x.resolved_at !== null), 'with the time');
  t.equal((await alertsOf(h, 'status=open')).length, 0, 'nothing open');

  await postFacts(h, 'traffic_sales', buyBox(a.id, days('2026-03-07', 3), 50));
  const recurred = await alertsOf(h, `product_id=${a.id}`);
  t.equal(recurred.length, 2, 'the recurrence is a new alert');
  t.same(recurred.map((x) => x.status), ['open', 'resolved'], 'newest first: the new one is open, the old one stays resolved');
  t.equal((await alertsOf(h, `product_id=${b.id}&status=resolved`)).length, 1, 'the other product stays resolved');
});

t.test('PATCH /v1/alerts/{id}: acknowledge, resolve by hand, note; If-Match and transitions', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const product = await makeProduct(h);
  await buyBoxRule(h, [product.id]);
  await postFacts(h, 'traffic_sales', buyBox(product.id, ['2026-03-01'], 10));
  const [alert] = await alertsOf(h, `product_id=${product.id}`);
  const url = `/v1/alerts/${alert!.id}`;

  const got = await h.request({ method: 'GET', url });
  t.equal(got.statusCode, 200);
  t.equal(got.headers.etag, `"${alert!.version}"`);

  const stale = await h.request({ method: 'PATCH', url, payload: { status: 'acknowledged' }, headers: { 'if-match': '"99"' } });
  t.equal(stale.statusCode, 412);
  t.equal(stale.json().code, 'version_conflict');

  const acked = await h.request({ method: 'PATCH', url, payload: { status: 'acknowledged', note: 'Checking the listing' } });
  t.equal(acked.statusCode, 200);
  t.equal(acked.json().status, 'acknowledged');
  t.equal(acked.json().note, 'Checking the listing');
  t.type(acked.json().acknowledged_at, 'string');

  const twice = await h.request({ method: 'PATCH', url, payload: { status: 'acknowledged' } });
  t.equal(twice.statusCode, 409);
  t.equal(twice.json().code, 'invalid_transition');

  const resolved = await h.request({ method: 'PATCH', url, payload: { status: 'resolved' } });
  t.equal(resolved.statusCode, 200);
  t.same([resolved.json().status, resolved.json().resolution], ['resolved', 'manual']);
  const reopen = await h.request({ method: 'PATCH', url, payload: { status: 'acknowledged' } });
  t.equal(reopen.statusCode, 409, 'a resolved alert stays resolved');
  const noted = await h.request({ method: 'PATCH', url, payload: { note: null } });
  t.equal(noted.statusCode, 200, 'the note can still change');
  t.equal(noted.json().note, null);

  const again = await evaluate(h);
  t.equal(again.raised, 1, 'the condition still holds: the next evaluation raises a new alert');
});

t.test('a raised alert starts exactly one SOP run of the rule template, assigned to the product operator', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const operator = await makeMember(h);
  const owned = await makeProduct(h, { operator_member_id: operator.id });
  const orphan = await makeProduct(h);
  const template = await makeTemplate(h);
  const rule = await buyBoxRule(h, [owned.id, orphan.id], { sop_template_id: template.id });

  await postFacts(h, 'traffic_sales', [...buyBox(owned.id, days('2026-03-01', 3), 60), ...buyBox(orphan.id, days('2026-03-01', 3), 60)]);
  await evaluate(h);
  await postFacts(h, 'traffic_sales', buyBox(owned.id, ['2026-03-04'], 50));
  await evaluate(h, { rule_ids: [rule.id] });

  const [alert] = await alertsOf(h, `product_id=${owned.id}`);
  t.equal(alert!.operator_member_id, operator.id, 'the alert is for the product operator');
  t.equal((await alertsOf(h, `operator_member_id=${operator.id}`)).length, 1, 'and is listed by operator');
  t.type(alert!.sop_run_id, 'string', 'the alert links its run');
  const runs = await h.request({ method: 'GET', url: `/v1/sop-runs?subject_type=product&subject_id=${owned.id}` });
  t.equal(runs.json().data.length, 1, 'exactly one run, however often the rule was evaluated');
  const run = runs.json().data[0];
  t.equal(run.id, alert!.sop_run_id);
  t.equal(run.template_id, template.id);
  t.same(run.subject, { type: 'product', id: owned.id });
  t.ok(run.steps.length > 0 && run.steps.every((s: { assignee_id: string }) => s.assignee_id === operator.id), 'every step is the operator\'s');

  const [orphanAlert] = await alertsOf(h, `product_id=${orphan.id}`);
  t.equal(orphanAlert!.sop_run_id, null, 'a product without an operator gets its alert but no run');
  t.equal(orphanAlert!.sop_run_skipped_reason, 'the product has no operator');
  t.equal((await h.request({ method: 'GET', url: `/v1/sop-runs?subject_id=${orphan.id}` })).json().data.length, 0);
});

t.test('a facts write that fails raises nothing', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const product = await makeProduct(h);
  await buyBoxRule(h, [product.id]);
  const res = await postFacts(h, 'traffic_sales', [...buyBox(product.id, ['2026-03-01'], 10), { date: '2026-03-02', product_id: 'prod_01NOSUCHPRODUCT', buy_box_percentage: 10 }]);
  t.equal(res.statusCode, 422);
  t.equal((await alertsOf(h, '')).length, 0, 'no alert');
});

t.test('an import raises the alerts of the products it wrote', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const rule = await makeRule(h, { type: 'buy_box_below', threshold: 90 });
  // The first two products of the report: buy box 78.87% and 99.28%.
  const report = readFileSync(fixture('business-report-child-us.csv'), 'utf8').split('\n').slice(0, 3).join('\n');
  const res = await h.request({ method: 'POST', url: '/v1/imports', ...importForm(Buffer.from(report), { marketplace: 'US', date: '2026-03-02' }, 'report.csv') });
  t.equal(res.statusCode, 201, res.body);
  const alerts = await alertsOf(h, `rule_id=${rule.id}`);
  t.equal(alerts.length, 1, 'one product is under 90%');
  t.equal(alerts[0]!.observed_value, 78.87);
  const product = await h.request({ method: 'GET', url: `/v1/products/${alerts[0]!.product_id}` });
  t.equal(product.json().asin, 'B0CJ1LM2ZA');
});

t.test('evaluate on demand: as_of ends the windows, product_ids limits the products', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const [a, b] = [await makeProduct(h), await makeProduct(h)];
  // Facts first, rule second: nothing is raised until an evaluation.
  await postFacts(h, 'traffic_sales', [...buyBox(a.id, days('2026-03-01', 3), 50), ...buyBox(a.id, days('2026-03-04', 3), 100), ...buyBox(b.id, days('2026-03-01', 6), 50)]);
  const rule = await buyBoxRule(h, [a.id, b.id]);
  t.equal((await alertsOf(h, '')).length, 0);

  const limited = await evaluate(h, { product_ids: [b.id] });
  t.equal(limited.raised, 1, 'only product b was evaluated');
  const past = await evaluate(h, { as_of: '2026-03-03' });
  t.equal(past.raised, 1, 'product a was under 90% in the window ending on the 3rd');
  const [alertA] = await alertsOf(h, `product_id=${a.id}`);
  t.same([alertA!.window_start, alertA!.window_end], ['2026-03-01', '2026-03-03']);
  const now = await evaluate(h);
  t.equal(now.resolved, 1, "at a's latest facts its buy box is back: resolved");
  t.equal(now.raised, 0);

  const deleted = await h.request({ method: 'DELETE', url: `/v1/alert-rules/${rule.id}` });
  t.equal(deleted.statusCode, 200);
  const [alertB] = await alertsOf(h, `product_id=${b.id}`);
  t.same([alertB!.status, alertB!.resolution], ['resolved', 'rule_deleted'], 'deleting the rule resolves its open alerts and keeps them');
  t.equal((await h.request({ method: 'GET', url: `/v1/alert-rules/${rule.id}` })).statusCode, 404);
});
