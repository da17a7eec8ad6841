import t from 'tap';
import { createTestApp } from './helpers/index.ts';
import { makeMember } from './helpers/factories.ts';

t.test('POST /v1/workspaces creates an isolated workspace with a working admin key', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const res = await h.request({ method: 'POST', url: '/v1/workspaces', payload: { name: 'Acme Trading Ltd' } });
  t.equal(res.statusCode, 201);
  const body = res.json();
  t.equal(body.workspace.object, 'workspace');
  t.equal(body.workspace.slug, 'acme-trading-ltd');
  t.same(body.api_key.scopes, ['admin']);
  const mine = await h.request({ method: 'GET', url: '/v1/workspace', key: body.api_key.secret });
  t.equal(mine.json().id, body.workspace.id, 'the new key belongs to the new workspace');
  const again = await h.request({ method: 'POST', url: '/v1/workspaces', payload: { name: 'Acme Trading Ltd' } });
  t.equal(again.json().workspace.slug, 'acme-trading-ltd-2', 'slugs stay unique');
  const reader = await h.createKey(['resources:read']);
  t.equal((await h.request({ method: 'POST', url: '/v1/workspaces', key: reader, payload: { name: 'x' } })).statusCode, 403);
});

t.test('members: create, read, filter, update, deactivate', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const ann = await makeMember(h, { name: 'Ann Lee', email: 'ann@example.com', role: 'manager', title: 'Operations lead' });
  const bob = await makeMember(h, { name: 'Bob Wu', email: 'bob@example.com', role: 'operator' });
  await makeMember(h, { name: 'Cy Zhao', email: 'cy@example.com', role: 'viewer' });

  const got = await h.request({ method: 'GET', url: `/v1/members/${ann.id}` });
  t.match(got.json(), { object: 'member', name: 'Ann Lee', role: 'manager', title: 'Operations lead', active: true, version: 1 });

  const byRole = await h.request({ method: 'GET', url: '/v1/members?role=operator' });
  t.same(byRole.json().data.map((m: { id: string }) => m.id), [bob.id]);
  const byText = await h.request({ method: 'GET', url: '/v1/members?q=ZHAO' });
  t.same(byText.json().data.map((m: { name: string }) => m.name), ['Cy Zhao'], 'q searches names, case-insensitively');
  const byEmail = await h.request({ method: 'GET', url: '/v1/members?q=bob%40' });
  t.same(byEmail.json().data.map((m: { id: string }) => m.id), [bob.id], 'and emails');
  const wildcard = await h.request({ method: 'GET', url: '/v1/members?q=%25' });
  t.same(wildcard.json().data, [], '% is matched literally');

  const updated = await h.request({ method: 'PATCH', url: `/v1/members/${bob.id}`, payload: { role: 'manager', title: null } });
  t.match(updated.json(), { role: 'manager', title: null, version: 2 });
  const clash = await h.request({ method: 'PATCH', url: `/v1/members/${bob.id}`, payload: { email: 'ANN@example.com' } });
  t.equal(clash.statusCode, 409, 'emails stay unique, case-insensitively');

  await h.request({ method: 'DELETE', url: `/v1/members/${bob.id}` });
  const active = await h.request({ method: 'GET', url: '/v1/members?active=true' });
  t.notOk(active.json().data.some((m: { id: string }) => m.id === bob.id), 'a removed member is inactive');
  const inactive = await h.request({ method: 'GET', url: '/v1/members?active=false' });
  t.same(inactive.json().data.map((m: { id: string }) => m.id), [bob.id], 'and still listed as inactive');
});

t.test('lists page by cursor, newest first, stable under inserts', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const made = [];
  for (let i = 0; i < 7; i++) made.push(await makeMember(h));
  const expected = made.map((m) => m.id).reverse();

  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = await h.request({ method: 'GET', url: `/v1/members?limit=3${cursor ? `&cursor=${cursor}` : ''}` });
    t.equal(res.statusCode, 200);
    const page = res.json();
    t.equal(page.object, 'list');
    seen.push(...page.data.map((m: { id: string }) => m.id));
    cursor = page.next_cursor;
    if (pages === 0) await makeMember(h); // an insert between pages must not shift the next page
    pages++;
  } while (cursor);
  t.equal(pages, 3);
  t.same(seen, expected, 'every member once, newest first, none skipped or repeated');
  const last = await h.request({ method: 'GET', url: '/v1/members?limit=200' });
  t.equal(last.json().next_cursor, null, 'the last page has no cursor');
});

t.test('audit log: every change with actor, before and after; filters', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const key = await h.request({ method: 'GET', url: '/v1/api-keys' });
  const adminKeyId = key.json().data[0].id;
  const start = new Date().toISOString();
  const m = await makeMember(h, { name: 'Dee' });
  await h.request({ method: 'PATCH', url: `/v1/members/${m.id}`, payload: { name: 'Dee Ng' }, headers: { 'x-request-id': 'trace-42' } });
  await h.request({ method: 'PATCH', url: `/v1/members/${m.id}`, payload: { name: 42 } }); // rejected: leaves no event

  const events = await h.request({ method: 'GET', url: `/v1/audit-events?object_id=${m.id}` });
  const data = events.json().data;
  t.same(data.map((e: { action: string }) => e.action), ['member.updated', 'member.created'], 'newest first, failed request absent');
  t.match(data[0], { actor_type: 'api_key', actor_id: adminKeyId, object_type: 'member', request_id: 'trace-42', before: { name: 'Dee' }, after: { name: 'Dee Ng' } });
  t.equal(data[1].before, null);

  const byAction = await h.request({ method: 'GET', url: '/v1/audit-events?action=member.updated' });
  t.equal(byAction.json().data.length, 1);
  const byActor = await h.request({ method: 'GET', url: `/v1/audit-events?actor_id=${adminKeyId}` });
  t.equal(byActor.json().data.length, 2);
  const byTime = await h.request({ method: 'GET', url: `/v1/audit-events?from=${encodeURIComponent(start)}` });
  t.equal(byTime.json().data.length, 2, 'from bounds the time range');
  const beforeStart = await h.request({ method: 'GET', url: `/v1/audit-events?to=${encodeURIComponent(start)}` });
  t.same(beforeStart.json().data.map((e: { action: string }) => e.action).sort(), ['api_key.created', 'workspace.created'], 'to bounds it too');
});
