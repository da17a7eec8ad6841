import t from 'tap';
import { createTestApp } from './helpers/index.ts';
import { makeRule } from './helpers/alert-factories.ts';
import { makeProduct } from './helpers/metrics-factories.ts';
import { makeTemplate } from './helpers/sop-factories.ts';
import { databaseSnapshot } from './helpers/snapshot.ts';

/** Alert rules and alerts refuse what they cannot evaluate, with problem+json naming the field, and change nothing. */
t.test('bad alert rule input is refused and changes nothing', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const other = await h.createWorkspace('Company B');
  const product = await makeProduct(h);
  const foreignProduct = await makeProduct(h, {}, other.key);
  const foreignTemplate = await makeTemplate(h, {}, other.key);
  const rule = await makeRule(h, { type: 'acos_above', threshold: 0.3 });
  const rules = '/v1/alert-rules';

  const cases: Array<{ name: string; status: number; code: string; path?: string; req: Parameters<typeof h.request>[0] }> = [
    { name: 'unknown type', status: 400, code: 'validation_failed', path: '/body/type', req: { method: 'POST', url: rules, payload: { name: 'x', type: 'sales_up', threshold: 1 } } },
    { name: 'threshold not a number', status: 400, code: 'validation_failed', path: '/body/threshold', req: { method: 'POST', url: rules, payload: { name: 'x', type: 'acos_above', threshold: 'high' } } },
    { name: 'negative threshold', status: 400, code: 'validation_failed', path: '/body/threshold', req: { method: 'POST', url: rules, payload: { name: 'x', type: 'acos_above', threshold: -1 } } },
    { name: 'threshold missing', status: 400, code: 'validation_failed', path: '/body/threshold', req: { method: 'POST', url: rules, payload: { name: 'x', type: 'acos_above' } } },
    { name: 'conversion drop of 1', status: 400, code: 'validation_failed', path: '/body/threshold', req: { method: 'POST', url: rules, payload: { name: 'x', type: 'conversion_drop', threshold: 1 } } },
    { name: 'fractional rank', status: 400, code: 'validation_failed', path: '/body/threshold', req: { method: 'POST', url: rules, payload: { name: 'x', type: 'keyword_rank_below', threshold: 4.5 } } },
    { name: 'buy box over 100', status: 400, code: 'validation_failed', path: '/body/threshold', req: { method: 'POST', url: rules, payload: { name: 'x', type: 'buy_box_below', threshold: 120 } } },
    { name: 'window too long', status: 400, code: 'validation_failed', path: '/body/window_days', req: { method: 'POST', url: rules, payload: { name: 'x', type: 'acos_above', threshold: 0.3, window_days: 365 } } },
    { name: 'products scope without products', status: 400, code: 'validation_failed', path: '/body/product_ids', req: { method: 'POST', url: rules, payload: { name: 'x', type: 'acos_above', threshold: 0.3, scope: 'products' } } },
    { name: 'products with scope all', status: 400, code: 'validation_failed', path: '/body/product_ids', req: { method: 'POST', url: rules, payload: { name: 'x', type: 'acos_above', threshold: 0.3, product_ids: [product.id] } } },
    { name: 'line scope without a line', status: 400, code: 'validation_failed', path: '/body/product_line', req: { method: 'POST', url: rules, payload: { name: 'x', type: 'acos_above', threshold: 0.3, scope: 'product_line' } } },
    {
      name: 'product of another workspace',
      status: 400,
      code: 'validation_failed',
      path: '/body/product_ids/1',
      req: { method: 'POST', url: rules, payload: { name: 'x', type: 'acos_above', threshold: 0.3, scope: 'products', product_ids: [product.id, foreignProduct.id] } },
    },
    { name: 'unknown template', status: 400, code: 'validation_failed', path: '/body/sop_template_id', req: { method: 'POST', url: rules, payload: { name: 'x', type: 'acos_above', threshold: 0.3, sop_template_id: 'sopt_01NOSUCHTEMPLATE' } } },
    { name: 'template of another workspace', status: 400, code: 'validation_failed', path: '/body/sop_template_id', req: { method: 'POST', url: rules, payload: { name: 'x', type: 'acos_above', threshold: 0.3, sop_template_id: foreignTemplate.id } } },
    { name: 'server-owned field', status: 400, code: 'validation_failed', path: '/body/version', req: { method: 'POST', url: rules, payload: { name: 'x', type: 'acos_above', threshold: 0.3, version: 3 } } },
    { name: 'patch the type', status: 400, code: 'validation_failed', path: '/body/type', req: { method: 'PATCH', url: `${rules}/${rule.id}`, payload: { type: 'tacos_above' } } },
    { name: 'empty patch', status: 400, code: 'validation_failed', req: { method: 'PATCH', url: `${rules}/${rule.id}`, payload: {} } },
    { name: 'patch to an unknown template', status: 400, code: 'validation_failed', path: '/body/sop_template_id', req: { method: 'PATCH', url: `${rules}/${rule.id}`, payload: { sop_template_id: 'sopt_01NOSUCHTEMPLATE' } } },
    { name: 'patch out of range', status: 400, code: 'validation_failed', path: '/body/threshold', req: { method: 'PATCH', url: `${rules}/${rule.id}`, payload: { threshold: 0 } } },
    { name: 'patch with a stale version', status: 412, code: 'version_conflict', req: { method: 'PATCH', url: `${rules}/${rule.id}`, payload: { name: 'y' }, headers: { 'if-match': '"9"' } } },
    { name: 'delete with a stale version', status: 412, code: 'version_conflict', req: { method: 'DELETE', url: `${rules}/${rule.id}`, headers: { 'if-match': '"9"' } } },
    { name: 'evaluate a foreign product', status: 400, code: 'validation_failed', path: '/body/product_ids/0', req: { method: 'POST', url: `${rules}/evaluate`, payload: { product_ids: [foreignProduct.id] } } },
    { name: 'evaluate an unknown rule', status: 400, code: 'validation_failed', path: '/body/rule_ids/0', req: { method: 'POST', url: `${rules}/evaluate`, payload: { rule_ids: ['arul_01NOSUCHRULE'] } } },
    { name: 'evaluate as of a bad date', status: 400, code: 'validation_failed', path: '/body/as_of', req: { method: 'POST', url: `${rules}/evaluate`, payload: { as_of: '2026-13-40' } } },
    { name: 'alerts by a bad status', status: 400, code: 'validation_failed', req: { method: 'GET', url: '/v1/alerts?status=closed' } },
    { name: 'alerts bad cursor', status: 400, code: 'invalid_cursor', req: { method: 'GET', url: '/v1/alerts?cursor=bm9wZQ' } },
    { name: 'alert reopened', status: 400, code: 'validation_failed', path: '/body/status', req: { method: 'PATCH', url: '/v1/alerts/alrt_01NOSUCHALERT', payload: { status: 'open' } } },
    { name: 'unknown alert', status: 404, code: 'not_found', req: { method: 'PATCH', url: '/v1/alerts/alrt_01NOSUCHALERT', payload: { status: 'resolved' } } },
  ];

  for (const c of cases) {
    const before = await databaseSnapshot(h);
    const res = await h.request(c.req);
    t.equal(res.statusCode, c.status, `${c.name}: status ${c.status} (${res.body.slice(0, 200)})`);
    t.match(res.headers['content-type'], /^application\/problem\+json/, `${c.name}: problem+json`);
    t.equal(res.json().code, c.code, `${c.name}: code ${c.code}`);
    if (c.path) t.ok(res.json().errors?.some((e: { path: string }) => e.path === c.path), `${c.name}: names ${c.path}`);
    t.same(await databaseSnapshot(h), before, `${c.name}: changed nothing`);
  }
});

t.test('a key without metrics scopes can neither read nor write alerts', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const sopOnly = await h.createKey(['sop:read', 'sop:write']);
  const reader = await h.createKey(['metrics:read']);
  t.equal((await h.request({ method: 'GET', url: '/v1/alerts', key: sopOnly })).statusCode, 403);
  t.equal((await h.request({ method: 'GET', url: '/v1/alert-rules', key: reader })).statusCode, 200);
  const write = await h.request({ method: 'POST', url: '/v1/alert-rules', key: reader, payload: { name: 'x', type: 'acos_above', threshold: 0.3 } });
  t.equal(write.statusCode, 403);
  t.equal(write.json().code, 'forbidden');
});
