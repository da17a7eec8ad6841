import { readFile } from 'node:fs/promises';
import t from 'tap';
import { parse, stringify } from 'yaml';
import { RESOURCE_KINDS } from '@sellerops/schemas';
import { createTestApp } from './helpers/index.ts';
import { makeResource, SAMPLE_ATTRIBUTES } from './helpers/resource-factories.ts';
import { databaseSnapshot } from './helpers/snapshot.ts';

const h = await createTestApp();
t.teardown(h.close);

const SAMPLE = await readFile(new URL('../../../docs/examples/inventory.yaml', import.meta.url), 'utf8');
const yaml = { 'content-type': 'application/yaml', accept: 'application/yaml' };
const apply = (body: Record<string, unknown>) => h.request({ method: 'POST', url: '/v1/resources/apply', payload: body });

t.test('the sample inventory covers every kind; applied as YAML, twice, it changes nothing the second time', async (t) => {
  const document = parse(SAMPLE) as { resources: Array<{ kind: string }> };
  t.same([...new Set(document.resources.map((r) => r.kind))].sort(), [...RESOURCE_KINDS].sort(), 'every kind is in the sample');

  const dry = await h.request({ method: 'POST', url: '/v1/resources/apply', headers: { 'content-type': 'application/yaml' }, payload: `${SAMPLE}\ndry_run: true\n` });
  t.equal(dry.statusCode, 200, dry.body.slice(0, 300));
  t.same(dry.json().summary, { create: 21, update: 0, unchanged: 0, archive: 0 });
  t.equal((await h.request({ method: 'GET', url: '/v1/resources' })).json().data.length, 0, 'a dry run changes nothing');

  const first = await h.request({ method: 'POST', url: '/v1/resources/apply', headers: yaml, payload: SAMPLE });
  t.equal(first.statusCode, 200);
  t.match(first.headers['content-type'], /^application\/yaml/);
  const result = parse(first.body);
  t.same(result.summary, { create: 21, update: 0, unchanged: 0, archive: 0 });
  t.ok(result.changes.every((c: { id: string | null }) => c.id?.startsWith('res_')), 'created resources have ids');

  const before = await databaseSnapshot(h);
  const second = await h.request({ method: 'POST', url: '/v1/resources/apply', headers: { 'content-type': 'application/yaml' }, payload: SAMPLE });
  t.same(second.json().summary, { create: 0, update: 0, unchanged: 21, archive: 0 });
  t.same(await databaseSnapshot(h), before, 'the second apply wrote nothing, not even an audit event');

  const us = (await h.request({ method: 'GET', url: '/v1/resources?key=acct-us-main' })).json().data[0];
  const risks = await h.request({ method: 'GET', url: `/v1/resources/${us.id}/associations` });
  t.same(risks.json().data.map((a: { other_account: { key: string }; shared: Array<{ identifier: string }> }) => [a.other_account.key, a.shared.map((s) => s.identifier)]), [['acct-eu-de', ['pay-payoneer']]], 'the sample shares one payment account');
});

t.test('export then apply is a no-op, in JSON and in YAML', async (t) => {
  const exported = await h.request({ method: 'GET', url: '/v1/resources/export' });
  t.equal(exported.statusCode, 200);
  const document = exported.json();
  t.equal(document.resources.length, 21);
  const us = document.resources.find((r: { key: string }) => r.key === 'acct-us-main');
  t.same(us.relations.map((r: { type: string; to: string }) => `${r.type} ${r.to}`), ['paid_with card-cmb-4242', 'pays_out_to pay-payoneer', 'registered_via am-zhang', 'uses profile-us-main', 'verified_with phone-us-1']);

  const before = await databaseSnapshot(h);
  const again = await apply(document);
  t.same(again.json().summary, { create: 0, update: 0, unchanged: 21, archive: 0 });
  const asYaml = await h.request({ method: 'GET', url: '/v1/resources/export', headers: { accept: 'application/yaml' } });
  t.match(asYaml.headers['content-type'], /^application\/yaml/);
  t.same(parse(asYaml.body), document, 'the YAML export is the same document');
  const yamlAgain = await h.request({ method: 'POST', url: '/v1/resources/apply', headers: { 'content-type': 'application/yaml' }, payload: asYaml.body });
  t.same(yamlAgain.json().summary, { create: 0, update: 0, unchanged: 21, archive: 0 });
  t.same(await databaseSnapshot(h), before, 'nothing changed');

  const tools = await h.request({ method: 'GET', url: '/v1/resources/export?kind=tool' });
  t.same(tools.json().resources.map((r: { key: string }) => r.key), ['tool-helium10', 'tool-junglescout']);
});

t.test('dry run shows the field diff of an update; apply then records who changed what', async (t) => {
  const document = (await h.request({ method: 'GET', url: '/v1/resources/export?kind=tool' })).json();
  const helium = document.resources.find((r: { key: string }) => r.key === 'tool-helium10');
  helium.attributes.seats = 5;
  helium.cost.amount = '249.00';
  helium.tags = ['research', 'us'];
  const plan = await apply({ ...document, dry_run: true });
  t.equal(plan.statusCode, 200);
  t.same(plan.json().summary, { create: 0, update: 1, unchanged: 1, archive: 0 });
  const change = plan.json().changes.find((c: { key: string }) => c.key === 'tool-helium10');
  t.same(change.changes, [
    { field: 'tags', before: ['research'], after: ['research', 'us'] },
    { field: 'cost', before: { amount: '229', currency: 'USD', period: 'monthly' }, after: { amount: '249', currency: 'USD', period: 'monthly' } },
    { field: 'attributes.seats', before: 2, after: 5 },
  ]);
  const done = await apply(document);
  t.same(done.json().summary, { create: 0, update: 1, unchanged: 1, archive: 0 });
  const history = await h.request({ method: 'GET', url: `/v1/resources/${change.id}/history` });
  t.equal(history.json().data[0].action, 'resource.updated');
  t.same(history.json().data[0].changes.map((c: { field: string }) => c.field), ['tags', 'cost', 'attributes.seats']);
  t.equal((await h.request({ method: 'GET', url: `/v1/resources/${change.id}` })).json().version, 2);
});

t.test('prune archives what the selector covers and the document no longer lists, and nothing else', async (t) => {
  const extra = await makeResource(h, 'tool', { key: 'tool-old', tags: ['research'] });
  const other = await makeResource(h, 'warehouse', { key: 'wh-unlisted' });
  const tools = (await h.request({ method: 'GET', url: '/v1/resources/export?kind=tool' })).json();
  const kept = tools.resources.filter((r: { key: string }) => r.key !== 'tool-old');

  const refused = await apply({ resources: kept, prune: true });
  t.equal(refused.statusCode, 422);
  t.same(refused.json().errors.map((e: { path: string }) => e.path), ['/body/selector'], 'prune needs a selector');

  const plan = await apply({ resources: kept, prune: true, selector: { kind: 'tool' }, dry_run: true });
  t.same(plan.json().summary, { create: 0, update: 0, unchanged: 2, archive: 1 });
  const done = await apply({ resources: kept, prune: true, selector: { kind: 'tool' } });
  t.same(done.json().changes.filter((c: { action: string }) => c.action === 'archive').map((c: { key: string }) => c.key), ['tool-old']);
  t.equal((await h.request({ method: 'GET', url: `/v1/resources/${extra.id}` })).json().status, 'retired');
  t.equal((await h.request({ method: 'GET', url: `/v1/resources/${other.id}` })).json().status, 'active', 'outside the selector: untouched');
  const again = await apply({ resources: kept, prune: true, selector: { kind: 'tool' } });
  t.same(again.json().summary, { create: 0, update: 0, unchanged: 2, archive: 0 }, 'an archived resource is not archived twice');
});

t.test('one invalid item rejects the whole document with per-item errors', async (t) => {
  const before = await databaseSnapshot(h);
  const res = await apply({
    resources: [
      { key: 'good-one', kind: 'tool', name: 'Fine', attributes: SAMPLE_ATTRIBUTES.tool },
      { key: 'bad-attrs', kind: 'credit_card', name: 'Card', attributes: { bank: 'CMB' } },
      { key: 'good-one', kind: 'tool', name: 'Twice', attributes: SAMPLE_ATTRIBUTES.tool },
      { key: 'acct-us-main', kind: 'tool', name: 'Kind changed', attributes: SAMPLE_ATTRIBUTES.tool },
      { key: 'dangling', kind: 'seller_account', name: 'D', attributes: SAMPLE_ATTRIBUTES.seller_account, relations: [{ type: 'uses', to: 'no-such-key' }] },
    ],
  });
  t.equal(res.statusCode, 422);
  t.equal(res.json().code, 'validation_failed');
  t.same(res.json().errors.map((e: { path: string }) => e.path).sort(), [
    '/body/resources/1/attributes/holder',
    '/body/resources/1/attributes/last4',
    '/body/resources/2/key',
    '/body/resources/3/kind',
    '/body/resources/4/relations/0/to',
  ]);
  const card = await apply({ resources: [{ key: 'c', kind: 'credit_card', name: 'C', attributes: { ...SAMPLE_ATTRIBUTES.credit_card, holder: '4111 1111 1111 1111' } }] });
  t.equal(card.statusCode, 422);
  t.equal(card.json().code, 'secret_rejected');
  t.same(card.json().errors, [{ path: '/body/resources/0/attributes/holder', message: 'holds a full payment card number; keep only the last four digits' }]);
  const badYaml = await h.request({ method: 'POST', url: '/v1/resources/apply', headers: { 'content-type': 'application/yaml' }, payload: 'resources: [\n  - key: x' });
  t.equal(badYaml.statusCode, 400);
  t.equal(badYaml.json().code, 'malformed_yaml');
  const yamlCard = await h.request({ method: 'POST', url: '/v1/resources/apply', headers: { 'content-type': 'application/yaml' }, payload: stringify({ resources: [{ key: 'x', kind: 'tool', name: 'T', notes: '5555 5555 5555 4444', attributes: SAMPLE_ATTRIBUTES.tool }] }) });
  t.equal(yamlCard.json().code, 'secret_rejected');
  t.same(await databaseSnapshot(h), before, 'nothing was written');
});

t.test('apply of a large document is one set of statements, not one per row', async (t) => {
  const resources = Array.from({ length: 300 }, (_, i) => ({
    key: `bulk-${i}`,
    kind: 'cloud_server',
    name: `Server ${i}`,
    attributes: { provider: 'AWS', ip: `10.0.${Math.floor(i / 250)}.${i % 250}` },
    relations: i > 0 ? [{ type: 'uses', to: `bulk-${i - 1}` }] : [],
  }));
  h.testDb.statements.length = 0;
  const res = await apply({ resources });
  t.same(res.json().summary, { create: 300, update: 0, unchanged: 0, archive: 0 });
  const writes = h.testDb.statements.filter((s) => /^\s*(insert|update|delete)/i.test(s));
  t.ok(writes.length <= 6, `${writes.length} write statements for 300 resources and 299 relations`);
});
