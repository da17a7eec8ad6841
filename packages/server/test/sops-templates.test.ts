import t from 'tap';
import { createTestApp } from './helpers/index.ts';
import { DIAMOND_STEPS, makeTemplate } from './helpers/sop-factories.ts';

t.test('POST /v1/sop-templates creates a template with version 1 and fills step defaults', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const res = await h.request({
    method: 'POST',
    url: '/v1/sop-templates',
    payload: { key: 'diamond', name: 'Diamond', category: 'testing', purpose: 'Why', steps: DIAMOND_STEPS },
  });
  t.equal(res.statusCode, 201);
  const template = res.json();
  t.match(template, { object: 'sop_template', key: 'diamond', latest_version: 1, version: 1, library_key: null });
  t.match(template.id, /^sopt_/);
  t.same(template.steps[0], {
    key: 'research',
    title: 'Research',
    instructions: '',
    default_role: 'operator',
    depends_on: [],
    due_offset_days: 2,
    checklist: [],
    fields: [],
    handoff: null,
  });
  t.same(template.steps[1].fields[3], { key: 'tone', label: 'Tone', type: 'choice', required: false, options: ['plain', 'playful'] });

  const got = await h.request({ method: 'GET', url: `/v1/sop-templates/${template.id}` });
  t.equal(got.statusCode, 200);
  t.equal(got.headers.etag, '"1"');
  t.same(got.json(), template);

  const v1 = await h.request({ method: 'GET', url: `/v1/sop-templates/${template.id}/versions/1` });
  t.equal(v1.statusCode, 200);
  t.match(v1.json(), { object: 'sop_template_version', template_id: template.id, number: 1, name: 'Diamond', change_note: null });
  t.same(v1.json().steps, template.steps);

  const duplicate = await h.request({ method: 'POST', url: '/v1/sop-templates', payload: { key: 'diamond', name: 'Again', category: 'x', purpose: 'y', steps: DIAMOND_STEPS } });
  t.equal(duplicate.statusCode, 409, 'a template key is unique in the workspace');
  t.match(duplicate.json().detail, template.id);
});

t.test('publishing a new version never changes the old one', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const template = await makeTemplate(h);
  const before = (await h.request({ method: 'GET', url: `/v1/sop-templates/${template.id}/versions/1` })).body;

  const steps = [...DIAMOND_STEPS, { key: 'review', title: 'Review the launch', default_role: 'manager', depends_on: ['launch'], due_offset_days: 14 }];
  const published = await h.request({
    method: 'POST',
    url: `/v1/sop-templates/${template.id}/versions`,
    headers: { 'if-match': '"1"' },
    payload: { steps, change_note: 'Add the launch review', purpose: 'Why, with a review' },
  });
  t.equal(published.statusCode, 201);
  t.match(published.json(), { number: 2, name: 'Diamond', purpose: 'Why, with a review', change_note: 'Add the launch review' });
  t.equal(published.json().steps.length, 5);

  t.equal((await h.request({ method: 'GET', url: `/v1/sop-templates/${template.id}/versions/1` })).body, before, 'version 1 reads exactly as before');
  const current = (await h.request({ method: 'GET', url: `/v1/sop-templates/${template.id}` })).json();
  t.match(current, { latest_version: 2, version: 2, purpose: 'Why, with a review' });
  t.equal(current.steps.length, 5);

  const versions = (await h.request({ method: 'GET', url: `/v1/sop-templates/${template.id}/versions` })).json();
  t.same(versions.data.map((v: { number: number }) => v.number), [2, 1], 'newest first');

  const stale = await h.request({ method: 'POST', url: `/v1/sop-templates/${template.id}/versions`, headers: { 'if-match': '"1"' }, payload: { steps } });
  t.equal(stale.statusCode, 412, 'publishing over a version one has not seen is refused');
  t.equal((await h.request({ method: 'GET', url: `/v1/sop-templates/${template.id}/versions/3` })).statusCode, 404);
});

t.test('the steps must form a graph without cycles, unknown keys or duplicate keys', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const post = (steps: unknown[]) => h.request({ method: 'POST', url: '/v1/sop-templates', payload: { key: 'bad', name: 'Bad', category: 'x', purpose: 'y', steps } });

  const cyclic = await post([
    { key: 'a', title: 'A', default_role: 'operator', depends_on: ['c'] },
    { key: 'b', title: 'B', default_role: 'operator', depends_on: ['a'] },
    { key: 'c', title: 'C', default_role: 'operator', depends_on: ['b'] },
    { key: 'd', title: 'D', default_role: 'operator', depends_on: ['a'] },
  ]);
  t.equal(cyclic.statusCode, 422);
  t.equal(cyclic.json().code, 'validation_failed');
  t.same(
    cyclic.json().errors.map((e: { path: string }) => e.path).sort(),
    ['/body/steps/0/depends_on', '/body/steps/1/depends_on', '/body/steps/2/depends_on'],
    'each step on the cycle is named, the step that only hangs off it is not',
  );
  t.match(cyclic.json().errors[0].message, /cycle: a -> c -> b -> a/);

  const unknown = await post([
    { key: 'a', title: 'A', default_role: 'operator' },
    { key: 'b', title: 'B', default_role: 'operator', depends_on: ['a', 'nope'] },
  ]);
  t.equal(unknown.statusCode, 422);
  t.same(unknown.json().errors, [{ path: '/body/steps/1/depends_on/1', message: 'names no step of this template (nope)' }]);

  const selfAndDuplicate = await post([
    { key: 'a', title: 'A', default_role: 'operator', depends_on: ['a'] },
    { key: 'a', title: 'A again', default_role: 'operator' },
  ]);
  t.equal(selfAndDuplicate.statusCode, 422);
  t.same(
    selfAndDuplicate.json().errors.map((e: { path: string }) => e.path).sort(),
    ['/body/steps/0/depends_on/0', '/body/steps/1/key'],
  );

  const badFields = await post([
    {
      key: 'a',
      title: 'A',
      default_role: 'operator',
      fields: [
        { key: 'pick', label: 'Pick', type: 'choice', required: true },
        { key: 'n', label: 'N', type: 'text', required: false, options: ['x'] },
        { key: 'n', label: 'N again', type: 'number', required: false },
      ],
    },
  ]);
  t.equal(badFields.statusCode, 422);
  t.same(
    badFields.json().errors.map((e: { path: string }) => e.path).sort(),
    ['/body/steps/0/fields/0/options', '/body/steps/0/fields/1/options', '/body/steps/0/fields/2/key'],
  );

  const wrongType = await post([{ key: 'a', title: 'A', default_role: 'operator', fields: [{ key: 'x', label: 'X', type: 'money', required: true }] }]);
  t.equal(wrongType.statusCode, 400, 'an unknown field type fails the schema');

  const list = await h.request({ method: 'GET', url: '/v1/sop-templates' });
  t.same(list.json().data, [], 'nothing was created');
});

t.test('templates list newest first and filter by category and text', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const a = await makeTemplate(h, { category: 'research', name: 'Keyword research' });
  const b = await makeTemplate(h, { category: 'listing', name: 'Listing build' });
  const c = await makeTemplate(h, { category: 'research', name: 'Competitor analysis' });
  const ids = (url: string) => h.request({ method: 'GET', url }).then((r) => r.json().data.map((x: { id: string }) => x.id));
  t.same(await ids('/v1/sop-templates'), [c.id, b.id, a.id]);
  t.same(await ids('/v1/sop-templates?category=research'), [c.id, a.id]);
  t.same(await ids('/v1/sop-templates?q=competitor'), [c.id]);
  const page1 = (await h.request({ method: 'GET', url: '/v1/sop-templates?limit=2' })).json();
  t.equal(page1.data.length, 2);
  t.same(await ids(`/v1/sop-templates?limit=2&cursor=${page1.next_cursor}`), [a.id]);
});
