import t from 'tap';
import { RESOURCE_KINDS } from '@sellerops/schemas';
import { createTestApp } from './helpers/index.ts';
import { makeMember } from './helpers/factories.ts';
import { makeResource, relate, SAMPLE_ATTRIBUTES } from './helpers/resource-factories.ts';
import { databaseSnapshot } from './helpers/snapshot.ts';

// Two apps for the file (starting one is the slow part): lists that must see exactly
// their own rows (filters, renewals) run on the second.
const h = await createTestApp();
const lists = await createTestApp();
t.teardown(async () => {
  await h.close();
  await lists.close();
});

t.test('GET /v1/resource-kinds lists every kind with its attributes schema', async (t) => {
  const res = await h.request({ method: 'GET', url: '/v1/resource-kinds' });
  t.equal(res.statusCode, 200);
  const kinds = res.json().data as Array<{ kind: string; identifying: boolean; attributes_schema: { properties: Record<string, unknown>; required?: string[] } }>;
  t.same(kinds.map((k) => k.kind), RESOURCE_KINDS);
  const logistics = kinds.find((k) => k.kind === 'logistics_channel')!;
  t.same(logistics.attributes_schema.properties.mode, { type: 'string', enum: ['sea', 'air', 'express', 'rail'] });
  t.match(logistics.attributes_schema.properties.cost_per_kg, { type: 'object', properties: { amount: { type: 'string' }, currency: { type: 'string' } } }, 'money is written out in place');
  t.same(kinds.filter((k) => k.identifying).map((k) => k.kind).sort(), ['browser_profile', 'cloud_server', 'credit_card', 'payment_account', 'phone_number']);
  const card = kinds.find((k) => k.kind === 'credit_card')!;
  t.same(card.attributes_schema.required, ['bank', 'holder', 'last4']);
});

t.test('every kind accepts its sample attributes', async (t) => {
  for (const kind of RESOURCE_KINDS) {
    const made = await makeResource(h, kind);
    t.same(made.attributes, SAMPLE_ATTRIBUTES[kind], `${kind} keeps its attributes`);
  }
});

t.test('create, read, change and archive a resource; its history shows who changed what', async (t) => {
  const owner = await makeMember(h);
  const created = await h.request({
    method: 'POST',
    url: '/v1/resources',
    payload: {
      key: 'helium10',
      kind: 'tool',
      name: 'Helium 10',
      owner_member_id: owner.id,
      tags: ['research'],
      cost: { amount: '99.00', currency: 'USD', period: 'monthly' },
      acquired_on: '2026-01-10',
      renews_on: '2026-12-10',
      contacts: [{ name: 'Support', email: 'support@example.com' }],
      notes: 'Shared by the US team',
      attributes: { category: 'keyword_research', plan: 'Platinum', seats: 2 },
    },
  });
  t.equal(created.statusCode, 201);
  const r = created.json();
  t.match(r, { object: 'resource', key: 'helium10', status: 'active', version: 1, cost: { amount: '99', currency: 'USD', period: 'monthly' } });
  t.match(r.id, /^res_/);

  const got = await h.request({ method: 'GET', url: `/v1/resources/${r.id}` });
  t.equal(got.headers.etag, '"1"');

  const stale = await h.request({ method: 'PATCH', url: `/v1/resources/${r.id}`, headers: { 'if-match': '"7"' }, payload: { name: 'H10' } });
  t.equal(stale.statusCode, 412);
  t.equal(stale.json().code, 'version_conflict');

  const patched = await h.request({ method: 'PATCH', url: `/v1/resources/${r.id}`, headers: { 'if-match': '"1"' }, payload: { name: 'H10', attributes: { category: 'keyword_research', plan: 'Diamond', seats: 4 } } });
  t.equal(patched.statusCode, 200);
  t.equal(patched.json().version, 2);

  const archived = await h.request({ method: 'DELETE', url: `/v1/resources/${r.id}`, headers: { 'if-match': '"2"' } });
  t.equal(archived.statusCode, 200);
  t.equal(archived.json().status, 'retired');
  t.equal((await h.request({ method: 'GET', url: `/v1/resources/${r.id}` })).json().status, 'retired', 'archived, not erased');

  const history = await h.request({ method: 'GET', url: `/v1/resources/${r.id}/history` });
  t.equal(history.statusCode, 200);
  const events = history.json().data;
  t.same(events.map((e: { action: string }) => e.action), ['resource.archived', 'resource.updated', 'resource.created']);
  t.same(events[0].changes, [{ field: 'status', before: 'active', after: 'retired' }]);
  t.same(events[1].changes, [
    { field: 'name', before: 'Helium 10', after: 'H10' },
    { field: 'attributes.plan', before: 'Platinum', after: 'Diamond' },
    { field: 'attributes.seats', before: 2, after: 4 },
  ]);
  t.ok(events.every((e: { actor_type: string; actor_id: string | null }) => e.actor_type === 'api_key' && e.actor_id), 'who: the API key');
});

t.test('list filters: kind, status, tag, owner, q, renews_before', async (t) => {
  const h = lists;
  const owner = await makeMember(h);
  const a = await makeResource(h, 'tool', { tags: ['research'], owner_member_id: owner.id, renews_on: '2027-02-01', notes: 'team licence' });
  const b = await makeResource(h, 'warehouse', { tags: ['eu'], renews_on: '2027-06-01' });
  const c = await makeResource(h, 'tool', { status: 'suspended', name: 'Jungle Scout' });
  const ids = async (query: string) => (await h.request({ method: 'GET', url: `/v1/resources?${query}` })).json().data.map((r: { id: string }) => r.id);
  t.same(await ids('kind=tool'), [a.id, c.id]);
  t.same(await ids('status=suspended'), [c.id]);
  t.same(await ids('tag=eu'), [b.id]);
  t.same(await ids(`owner_member_id=${owner.id}`), [a.id]);
  t.same(await ids('q=jungle'), [c.id]);
  t.same(await ids('q=LICENCE'), [a.id], 'q reads notes, case-insensitive');
  t.same(await ids('renews_before=2027-03-01'), [a.id]);
  const page = await h.request({ method: 'GET', url: '/v1/resources?limit=2' });
  t.equal(page.json().data.length, 2);
  const next = await h.request({ method: 'GET', url: `/v1/resources?limit=2&cursor=${page.json().next_cursor}` });
  t.same(next.json().data.map((r: { id: string }) => r.id), [c.id]);
});

t.test('keys are unique per workspace, and only per workspace', async (t) => {
  const first = await h.request({ method: 'POST', url: '/v1/resources', payload: { key: 'us-main', kind: 'seller_account', name: 'US main', attributes: SAMPLE_ATTRIBUTES.seller_account } });
  t.equal(first.statusCode, 201);
  const again = await h.request({ method: 'POST', url: '/v1/resources', payload: { key: 'us-main', kind: 'tool', name: 'Other', attributes: SAMPLE_ATTRIBUTES.tool } });
  t.equal(again.statusCode, 409);
  t.equal(again.json().code, 'conflict');
  const other = await h.createWorkspace('Company B');
  const elsewhere = await h.request({ method: 'POST', url: '/v1/resources', key: other.key, payload: { key: 'us-main', kind: 'seller_account', name: 'B main', attributes: SAMPLE_ATTRIBUTES.seller_account } });
  t.equal(elsewhere.statusCode, 201, 'another workspace may use the same key');
});

t.test('renewals: soonest first, overdue included, retired left out; the static path is not taken for an id', async (t) => {
  const h = lists;
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const later = await makeResource(h, 'tool', { renews_on: day(20) });
  const soon = await makeResource(h, 'account_manager', { renews_on: day(3) });
  const overdue = await makeResource(h, 'credit_card', { renews_on: day(-2) });
  await makeResource(h, 'brand_asset', { renews_on: day(90) });
  const retired = await makeResource(h, 'tool', { renews_on: day(1) });
  await h.request({ method: 'DELETE', url: `/v1/resources/${retired.id}` });
  const res = await h.request({ method: 'GET', url: '/v1/resources/renewals?within_days=30' });
  t.equal(res.statusCode, 200);
  t.same(res.json().data.map((r: { id: string }) => r.id), [overdue.id, soon.id, later.id]);
  const week = await h.request({ method: 'GET', url: '/v1/resources/renewals?within_days=7' });
  t.same(week.json().data.map((r: { id: string }) => r.id), [overdue.id, soon.id]);
  const byDefault = await h.request({ method: 'GET', url: '/v1/resources/renewals' });
  t.equal(byDefault.json().data.length, 3, 'within 30 days by default');
});

t.test('a full card number anywhere is refused, named by field and never echoed; nothing is stored', async (t) => {
  const card = await makeResource(h, 'credit_card');
  const number = '4111 1111 1111 1111';
  const cases: Array<{ name: string; path: string; req: Parameters<typeof h.request>[0] }> = [
    { name: 'in notes', path: '/body/notes', req: { method: 'POST', url: '/v1/resources', payload: { key: 'c1', kind: 'credit_card', name: 'Card', notes: `number ${number}`, attributes: SAMPLE_ATTRIBUTES.credit_card } } },
    { name: 'in a nested attribute', path: '/body/attributes/schedule/0/poster', req: { method: 'POST', url: '/v1/resources', payload: { key: 'p1', kind: 'promotion_channel', name: 'FB', attributes: { type: 'social_group', schedule: [{ poster: '5555-5555-5555-4444', weekdays: [1] }] } } } },
    { name: 'in an unknown attribute', path: '/body/attributes/number', req: { method: 'POST', url: '/v1/resources', payload: { key: 'c2', kind: 'credit_card', name: 'Card', attributes: { ...SAMPLE_ATTRIBUTES.credit_card, number: '4111111111111111' } } } },
    { name: 'in a contact', path: '/body/contacts/0/name', req: { method: 'POST', url: '/v1/resources', payload: { key: 'c3', kind: 'tool', name: 'T', contacts: [{ name: '378282246310005' }], attributes: SAMPLE_ATTRIBUTES.tool } } },
    { name: 'in a patch', path: '/body/name', req: { method: 'PATCH', url: `/v1/resources/${card.id}`, payload: { name: `Card ${number}` } } },
    { name: 'in a query', path: '/query/q', req: { method: 'GET', url: `/v1/resources?q=${encodeURIComponent(number)}` } },
    { name: 'a field named password', path: '/body/attributes/password', req: { method: 'POST', url: '/v1/resources', payload: { key: 't1', kind: 'tool', name: 'T', attributes: { ...SAMPLE_ATTRIBUTES.tool, password: 'hunter2' } } } },
    { name: 'a field named cvv', path: '/body/attributes/cvv', req: { method: 'PATCH', url: `/v1/resources/${card.id}`, payload: { attributes: { ...SAMPLE_ATTRIBUTES.credit_card, cvv: '123' } } } },
    { name: 'a nested token', path: '/body/attributes/schedule/0/token', req: { method: 'POST', url: '/v1/resources', payload: { key: 'p2', kind: 'promotion_channel', name: 'FB', attributes: { type: 'social_group', schedule: [{ poster: 'A', weekdays: [1], token: 'x' }] } } } },
  ];
  for (const c of cases) {
    const before = await databaseSnapshot(h);
    const res = await h.request(c.req);
    t.equal(res.statusCode, 422, `${c.name}: 422`);
    t.equal(res.json().code, 'secret_rejected', `${c.name}: secret_rejected`);
    t.ok(res.json().errors.some((e: { path: string }) => e.path === c.path), `${c.name}: names ${c.path}`);
    for (const digits of ['4111111111111111', '5555555555554444', '378282246310005']) t.notOk(res.body.replace(/[ -]/g, '').includes(digits), `${c.name}: the number is not echoed`);
    t.same(await databaseSnapshot(h), before, `${c.name}: nothing stored`);
  }
  const ok = await h.request({ method: 'POST', url: '/v1/resources', payload: { key: 'cn-phone', kind: 'phone_number', name: 'CN line', notes: 'call +86 138 0013 8000', attributes: { number: '+8613800138000', provider: 'China Mobile', type: 'sim' } } });
  t.equal(ok.statusCode, 201, 'a phone number in international form is not a card');
  const notLuhn = await h.request({ method: 'POST', url: '/v1/resources', payload: { key: 'order', kind: 'tool', name: 'T', notes: 'order 4111 1111 1111 1112', attributes: SAMPLE_ATTRIBUTES.tool } });
  t.equal(notLuhn.statusCode, 201, 'digits failing the Luhn check are not a card');
});

t.test('attributes are validated against the kind', async (t) => {
  const post = (kind: string, attributes: unknown) => h.request({ method: 'POST', url: '/v1/resources', payload: { key: `k-${kind}`, kind, name: 'X', attributes } });
  const missing = await post('credit_card', { bank: 'CMB', holder: 'Li' });
  t.equal(missing.statusCode, 422);
  t.same(missing.json().errors, [{ path: '/body/attributes/last4', message: 'is required for this kind' }]);
  const wrong = await post('logistics_channel', { mode: 'teleport', carrier: 'X', transit_days_min: 30, transit_days_max: 5 });
  t.equal(wrong.statusCode, 422);
  t.same(wrong.json().errors.map((e: { path: string }) => e.path).sort(), ['/body/attributes/mode', '/body/attributes/transit_days_max']);
  const extra = await post('warehouse', { country: 'US', colour: 'blue' });
  t.same(extra.json().errors, [{ path: '/body/attributes/colour', message: 'is not an attribute of this kind' }]);
  const badMoney = await post('logistics_channel', { mode: 'air', carrier: 'DHL', transit_days_min: 5, transit_days_max: 8, cost_per_kg: { amount: 4.5, currency: 'USD' } });
  t.same(badMoney.json().errors.map((e: { path: string }) => e.path), ['/body/attributes/cost_per_kg/amount'], 'money is a decimal string');
  const badIp = await post('cloud_server', { provider: 'AWS', ip: '999.1.1.1' });
  t.equal(badIp.statusCode, 422);
  const card = await makeResource(h, 'credit_card');
  const patch = await h.request({ method: 'PATCH', url: `/v1/resources/${card.id}`, payload: { attributes: { bank: 'CMB', holder: 'Li', last4: '42' } } });
  t.equal(patch.statusCode, 422);
  t.equal((await h.request({ method: 'GET', url: `/v1/resources/${card.id}` })).json().version, 1, 'unchanged');
});

t.test('relations: both directions, since and until, missing or foreign ends refused', async (t) => {
  const account = await makeResource(h, 'seller_account');
  const manager = await makeResource(h, 'account_manager');
  const payment = await makeResource(h, 'payment_account');
  const registered = await h.request({ method: 'POST', url: `/v1/resources/${account.id}/relations`, payload: { type: 'registered_via', to_id: manager.id, since: '2026-03-01', until: '2027-03-01' } });
  t.equal(registered.statusCode, 201);
  t.match(registered.json(), { type: 'registered_via', from: { id: account.id, key: account.key }, to: { id: manager.id }, since: '2026-03-01', until: '2027-03-01' });
  await relate(h, account, 'pays_out_to', payment);

  const out = await h.request({ method: 'GET', url: `/v1/resources/${account.id}/relations?direction=out` });
  t.equal(out.json().data.length, 2);
  const incoming = await h.request({ method: 'GET', url: `/v1/resources/${manager.id}/relations?direction=in` });
  t.same(incoming.json().data.map((r: { from: { id: string } }) => r.from.id), [account.id], 'what was registered via this manager');
  t.equal((await h.request({ method: 'GET', url: `/v1/resources/${manager.id}/relations?direction=out` })).json().data.length, 0);

  const dup = await h.request({ method: 'POST', url: `/v1/resources/${account.id}/relations`, payload: { type: 'pays_out_to', to_id: payment.id } });
  t.equal(dup.statusCode, 409);
  const missing = await h.request({ method: 'POST', url: `/v1/resources/${account.id}/relations`, payload: { type: 'uses', to_id: 'res_01NOSUCHTHING' } });
  t.equal(missing.statusCode, 422);
  t.same(missing.json().errors.map((e: { path: string }) => e.path), ['/body/to_id']);
  const other = await h.createWorkspace('Company B');
  const foreign = await makeResource(h, 'cloud_server', {}, other.key);
  const cross = await h.request({ method: 'POST', url: `/v1/resources/${account.id}/relations`, payload: { type: 'uses', to_id: foreign.id } });
  t.equal(cross.statusCode, 422, 'a resource of another workspace is not there');
  const self = await h.request({ method: 'POST', url: `/v1/resources/${account.id}/relations`, payload: { type: 'uses', to_id: account.id } });
  t.equal(self.statusCode, 422);
  const backwards = await h.request({ method: 'POST', url: `/v1/resources/${account.id}/relations`, payload: { type: 'uses', to_id: manager.id, since: '2026-05-01', until: '2026-01-01' } });
  t.equal(backwards.statusCode, 422);

  const removed = await h.request({ method: 'DELETE', url: `/v1/resources/${manager.id}/relations/${registered.json().id}` });
  t.equal(removed.statusCode, 200, 'either end may remove it');
  t.equal((await h.request({ method: 'GET', url: `/v1/resources/${account.id}/relations` })).json().data.length, 1);
  const history = await h.request({ method: 'GET', url: `/v1/resources/${account.id}/history` });
  t.same(history.json().data.map((e: { action: string }) => e.action), ['resource.relation_removed', 'resource.relation_added', 'resource.relation_added', 'resource.created']);
});
