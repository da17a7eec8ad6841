import t from 'tap';
import { createTestApp } from './helpers/index.ts';
import { makeResource, relate, SAMPLE_ATTRIBUTES } from './helpers/resource-factories.ts';
import { databaseSnapshot } from './helpers/snapshot.ts';

/** Bad input to every registry route: problem+json with a stable code, and the database exactly as before. */
t.test('registry routes refuse bad input and change nothing', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const other = await h.createWorkspace('Company B');
  const account = await makeResource(h, 'seller_account', { key: 'us-main' });
  const phone = await makeResource(h, 'phone_number');
  const foreign = await makeResource(h, 'cloud_server', {}, other.key);
  const relation = await relate(h, account, 'verified_with', phone);
  const unrelated = await makeResource(h, 'tool');
  const create = (body: Record<string, unknown>) => ({ method: 'POST' as const, url: '/v1/resources', payload: { key: 'new-one', kind: 'tool', name: 'New', attributes: SAMPLE_ATTRIBUTES.tool, ...body } });

  const cases: Array<{ name: string; status: number; code: string; req: Parameters<typeof h.request>[0] }> = [
    { name: 'unknown kind', status: 400, code: 'validation_failed', req: create({ kind: 'spaceship' }) },
    { name: 'attributes failing the schema', status: 422, code: 'validation_failed', req: create({ attributes: { category: 'astrology' } }) },
    { name: 'attributes not an object', status: 400, code: 'validation_failed', req: create({ attributes: 'plan' }) },
    { name: 'duplicate key', status: 409, code: 'conflict', req: create({ key: 'us-main' }) },
    { name: 'bad key', status: 400, code: 'validation_failed', req: create({ key: 'Has Spaces' }) },
    { name: 'server-owned id', status: 400, code: 'validation_failed', req: create({ id: 'res_MINE' }) },
    { name: 'server-owned version', status: 400, code: 'validation_failed', req: create({ version: 3 }) },
    { name: 'bad status', status: 400, code: 'validation_failed', req: create({ status: 'lost' }) },
    { name: 'money as a float', status: 400, code: 'validation_failed', req: create({ cost: { amount: 9.99, currency: 'USD', period: 'monthly' } }) },
    { name: 'bad cost period', status: 400, code: 'validation_failed', req: create({ cost: { amount: '9.99', currency: 'USD', period: 'hourly' } }) },
    { name: 'bad date', status: 400, code: 'validation_failed', req: create({ renews_on: '2026-13-40' }) },
    { name: 'renews before acquired', status: 422, code: 'validation_failed', req: create({ acquired_on: '2026-05-01', renews_on: '2026-01-01' }) },
    { name: 'owner not a member', status: 422, code: 'validation_failed', req: create({ owner_member_id: 'mem_01NOSUCHMEMBER' }) },
    { name: 'card number in notes', status: 422, code: 'secret_rejected', req: create({ notes: 'paid with 4111-1111-1111-1111' }) },
    { name: 'card number in a nested attribute', status: 422, code: 'secret_rejected', req: create({ kind: 'promotion_channel', attributes: { type: 'influencer', schedule: [{ poster: '4111111111111111', weekdays: [1] }] } }) },
    { name: 'secret-named attribute', status: 422, code: 'secret_rejected', req: create({ attributes: { ...SAMPLE_ATTRIBUTES.tool, api_key: 'abc' } }) },
    { name: 'empty patch', status: 400, code: 'validation_failed', req: { method: 'PATCH', url: `/v1/resources/${account.id}`, payload: {} } },
    { name: 'patch of the key', status: 400, code: 'validation_failed', req: { method: 'PATCH', url: `/v1/resources/${account.id}`, payload: { key: 'other' } } },
    { name: 'patch with stale If-Match', status: 412, code: 'version_conflict', req: { method: 'PATCH', url: `/v1/resources/${account.id}`, headers: { 'if-match': '"9"' }, payload: { name: 'X' } } },
    { name: 'delete with stale If-Match', status: 412, code: 'version_conflict', req: { method: 'DELETE', url: `/v1/resources/${account.id}`, headers: { 'if-match': '"9"' } } },
    { name: 'patch attributes failing the kind', status: 422, code: 'validation_failed', req: { method: 'PATCH', url: `/v1/resources/${account.id}`, payload: { attributes: { marketplace: 'usa', entity: 'X' } } } },
    { name: 'malformed id', status: 400, code: 'validation_failed', req: { method: 'GET', url: '/v1/resources/not-an-id' } },
    { name: 'list: unknown filter', status: 400, code: 'validation_failed', req: { method: 'GET', url: '/v1/resources?colour=red' } },
    { name: 'list: bad kind', status: 400, code: 'validation_failed', req: { method: 'GET', url: '/v1/resources?kind=spaceship' } },
    { name: 'list: bad cursor', status: 400, code: 'invalid_cursor', req: { method: 'GET', url: '/v1/resources?cursor=zzz' } },
    { name: 'renewals: negative horizon', status: 400, code: 'validation_failed', req: { method: 'GET', url: '/v1/resources/renewals?within_days=-1' } },
    { name: 'history: bad cursor', status: 400, code: 'invalid_cursor', req: { method: 'GET', url: `/v1/resources/${account.id}/history?cursor=zzz` } },
    { name: 'relation to a missing resource', status: 422, code: 'validation_failed', req: { method: 'POST', url: `/v1/resources/${account.id}/relations`, payload: { type: 'uses', to_id: 'res_01NOSUCHTHING' } } },
    { name: 'relation to a foreign resource', status: 422, code: 'validation_failed', req: { method: 'POST', url: `/v1/resources/${account.id}/relations`, payload: { type: 'hosted_on', to_id: foreign.id } } },
    { name: 'relation of an unknown type', status: 400, code: 'validation_failed', req: { method: 'POST', url: `/v1/resources/${account.id}/relations`, payload: { type: 'loves', to_id: phone.id } } },
    { name: 'relation twice', status: 409, code: 'conflict', req: { method: 'POST', url: `/v1/resources/${account.id}/relations`, payload: { type: 'verified_with', to_id: phone.id } } },
    { name: 'relation removed through a resource it does not touch', status: 404, code: 'not_found', req: { method: 'DELETE', url: `/v1/resources/${unrelated.id}/relations/${relation.id}` } },
    { name: 'relations: bad direction', status: 400, code: 'validation_failed', req: { method: 'GET', url: `/v1/resources/${account.id}/relations?direction=sideways` } },
    { name: 'associations of a phone number', status: 422, code: 'validation_failed', req: { method: 'GET', url: `/v1/resources/${phone.id}/associations` } },
    { name: 'association risks: bad cursor', status: 400, code: 'invalid_cursor', req: { method: 'GET', url: '/v1/association-risks?cursor=zzz' } },
  ];

  for (const c of cases) {
    const before = await databaseSnapshot(h);
    const res = await h.request(c.req);
    t.equal(res.statusCode, c.status, `${c.name}: status ${c.status}`);
    t.match(res.headers['content-type'], /^application\/problem\+json/, `${c.name}: problem+json`);
    t.equal(res.json().code, c.code, `${c.name}: code ${c.code}`);
    t.same(await databaseSnapshot(h), before, `${c.name}: changed nothing`);
  }
});
