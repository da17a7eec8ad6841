import t from 'tap';
import { createTestApp } from './helpers/index.ts';
import { days, makeRule } from './helpers/alert-factories.ts';
import { makeMember } from './helpers/factories.ts';
import { makeProduct, postFacts } from './helpers/metrics-factories.ts';
import { makeTemplate } from './helpers/sop-factories.ts';

/** GraphQL alert_rules and alerts for BI: filters, nested rule, product, operator and SOP run, scopes and tenancy. */
t.test('GraphQL alerts with their rule, product, operator and SOP run', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const operator = await makeMember(h);
  const [a, b] = [await makeProduct(h, { operator_member_id: operator.id, title: 'Desk lamp' }), await makeProduct(h, { title: 'Floor lamp' })];
  const template = await makeTemplate(h);
  const rule = await makeRule(h, { name: 'Buy box watch', type: 'buy_box_below', threshold: 90, sop_template_id: template.id });
  await makeRule(h, { name: 'Off', type: 'acos_above', threshold: 0.5, enabled: false });
  await postFacts(h, 'traffic_sales', [a.id, b.id].flatMap((id) => days('2026-03-01', 3).map((date) => ({ date, product_id: id, sessions: 10, buy_box_percentage: 50 }))));

  const query = `{
    alert_rules(enabled: true) { nodes { id name type threshold window_days scope enabled } }
    alerts(status: "open", first: 10) {
      nodes { id status type observed_value threshold window_end message
              rule { id name } product { id title } operator { id } sop_run { id template_id subject { type id } } }
      page_info { has_next_page }
    }
  }`;
  const res = await h.request({ method: 'POST', url: '/graphql', payload: { query } });
  t.equal(res.statusCode, 200);
  const data = res.json().data;
  t.notOk(res.json().errors, 'no errors');
  t.same(data.alert_rules.nodes, [{ id: rule.id, name: 'Buy box watch', type: 'buy_box_below', threshold: 90, window_days: 7, scope: 'all', enabled: true }], 'the enabled rule only');
  const byTitle = Object.fromEntries(data.alerts.nodes.map((n: { product: { title: string } }) => [n.product.title, n]));
  t.equal(data.alerts.nodes.length, 2);
  t.same(byTitle['Desk lamp'].rule, { id: rule.id, name: 'Buy box watch' });
  t.equal(byTitle['Desk lamp'].observed_value, 50);
  t.equal(byTitle['Desk lamp'].window_end, '2026-03-03');
  t.same(byTitle['Desk lamp'].operator, { id: operator.id });
  t.equal(byTitle['Desk lamp'].sop_run.template_id, template.id);
  t.same(byTitle['Desk lamp'].sop_run.subject, { type: 'product', id: a.id });
  t.equal(byTitle['Floor lamp'].operator, null, 'no operator');
  t.equal(byTitle['Floor lamp'].sop_run, null, 'so no run');

  const one = await h.request({ method: 'POST', url: '/graphql', payload: { query: `{ alert(id: "${byTitle['Desk lamp'].id}") { id product { id } } alert_rule(id: "${rule.id}") { id } }` } });
  t.same(one.json().data, { alert: { id: byTitle['Desk lamp'].id, product: { id: a.id } }, alert_rule: { id: rule.id } });

  const filtered = await h.request({ method: 'POST', url: '/graphql', payload: { query: `{ alerts(product_id: "${b.id}") { nodes { product_id } } }` } });
  t.same(filtered.json().data.alerts.nodes, [{ product_id: b.id }], 'filter by product');

  const other = await h.createWorkspace('Company B');
  const foreign = await h.request({ method: 'POST', url: '/graphql', key: other.key, payload: { query: `{ alerts { nodes { id } } alert_rules { nodes { id } } alert(id: "${byTitle['Desk lamp'].id}") { id } }` } });
  t.same(foreign.json().data, { alerts: { nodes: [] }, alert_rules: { nodes: [] }, alert: null }, 'another workspace sees nothing');

  const sopOnly = await h.createKey(['sop:read']);
  const refused = await h.request({ method: 'POST', url: '/graphql', key: sopOnly, payload: { query: '{ alerts { nodes { id } } }' } });
  t.equal(refused.json().errors[0].extensions.code, 'forbidden', 'alerts need metrics:read');
  const metricsOnly = await h.createKey(['metrics:read']);
  const noRun = await h.request({ method: 'POST', url: '/graphql', key: metricsOnly, payload: { query: '{ alerts { nodes { id sop_run { id } } } }' } });
  t.equal(noRun.json().errors[0].extensions.code, 'forbidden', 'the SOP run needs sop:read');
});
