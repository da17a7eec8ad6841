import t from 'tap';
import { createTestApp } from './helpers/index.ts';

t.test('GET /v1/workspace answers the caller workspace', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const res = await h.request({ method: 'GET', url: '/v1/workspace' });
  t.equal(res.statusCode, 200);
  t.equal(res.json().id, h.workspaceId);
  t.equal(res.headers.etag, '"1"');
});
