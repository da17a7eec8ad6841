import t from 'tap';
import { createTestApp, type TestApp } from './helpers/index.ts';
import { makeMember } from './helpers/factories.ts';
import { makeResource, relate } from './helpers/resource-factories.ts';

const h = await createTestApp();
t.teardown(h.close);

const gql = (query: string, key?: string) => h.request({ method: 'POST', url: '/graphql', payload: { query }, ...(key ? { key } : {}) });

/** Seller accounts, each on its own browser profile; every second one shares a phone with the first. */
async function accounts(app: TestApp, count: number, owner: string, phone: { id: string }) {
  for (let i = 0; i < count; i++) {
    const account = await makeResource(app, 'seller_account', { owner_member_id: owner });
    const profile = await makeResource(app, 'browser_profile');
    await relate(app, account, 'uses', profile);
    if (i % 2 === 0) await relate(app, account, 'verified_with', phone);
  }
}

const QUERY = `{
  resources(first: 50, kind: "seller_account") {
    nodes {
      id key owner { id name }
      relations { type to { key kind } }
      out: relations(direction: "out") { id }
      associations { other_account { key } shared_count }
    }
    page_info { has_next_page }
  }
}`;

t.test('GraphQL serves resources with owner, relations and associations, batched', async (t) => {
  const owner = await makeMember(h, { name: 'Lin' });
  const phone = await makeResource(h, 'phone_number', { key: 'shared-phone' });
  const count = async () => {
    h.testDb.statements.length = 0;
    const res = await gql(QUERY);
    t.notOk(res.json().errors, JSON.stringify(res.json().errors));
    return { statements: h.testDb.statements.filter((s) => !/last_used_at|from "api_keys" where "secret_hash"/.test(s)).length, nodes: res.json().data.resources.nodes };
  };
  await accounts(h, 3, owner.id, phone);
  const small = await count();
  t.equal(small.nodes.length, 3);
  const first = small.nodes[0];
  t.equal(first.owner.name, 'Lin');
  t.same(first.relations.map((r: { type: string }) => r.type).sort(), ['uses', 'verified_with']);
  t.equal(first.out.length, 2);
  t.same(first.associations, [{ other_account: { key: small.nodes[2].key }, shared_count: 1 }], 'the first and third accounts share the phone');

  await accounts(h, 9, owner.id, phone);
  const large = await count();
  t.equal(large.nodes.length, 12);
  t.equal(large.statements, small.statements, `the same ${small.statements} statements for ${small.nodes.length} and ${large.nodes.length} resources`);
  const sharing = large.nodes.filter((n: { associations: unknown[] }) => n.associations.length > 0);
  t.equal(sharing.length, 7, 'the seven accounts on the shared phone see each other');
  const detail = await gql(`{ resource(id: "${sharing[0].id}") { associations { shared { identifier } } } }`);
  t.same(detail.json().data.resource.associations[0].shared, [{ identifier: 'shared-phone' }]);
});

t.test('GraphQL: one resource, renewals, association risks, and scopes', async (t) => {
  const tool = await makeResource(h, 'tool', { renews_on: new Date().toISOString().slice(0, 10) });
  const one = await gql(`{ resource(id: "${tool.id}") { key kind attributes cost { amount } } missing: resource(id: "res_01NOSUCH") { id } }`);
  t.same(one.json().data.resource, { key: tool.key, kind: 'tool', attributes: tool.attributes, cost: null });
  t.equal(one.json().data.missing, null);
  const renewals = await gql('{ renewals(within_days: 7) { nodes { key } } }');
  t.same(renewals.json().data.renewals.nodes.map((n: { key: string }) => n.key), [tool.key]);
  const risks = await gql('{ association_risks(first: 5) { nodes { shared_count account { key } other_account { key } } page_info { has_next_page } } }');
  t.equal(risks.json().data.association_risks.nodes.length, 5);
  t.equal(risks.json().data.association_risks.page_info.has_next_page, true, '21 pairs among seven accounts');
  const badDate = await gql('{ resources(renews_before: "soon") { nodes { id } } }');
  t.equal(badDate.json().errors[0].extensions.code, 'validation_failed');
  const reader = await h.createKey(['sop:read']);
  const refused = await gql('{ resources { nodes { id } } }', reader);
  t.equal(refused.json().errors[0].extensions.code, 'forbidden');
});
