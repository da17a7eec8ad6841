import t from 'tap';
import { createTestApp } from './helpers/index.ts';
import { makeMember } from './helpers/factories.ts';

const REVIEW = {
  week: '2026-W47',
  subject: { type: 'product', id: 'B0BOARD' },
  problem: 'Orders fell 21% week over week',
  data_points: [
    { label: 'Sessions, week over week', value: '1,240 -> 980 (-21%)', source: 'Business Report' },
    { label: 'Unit session percentage', value: '11.8% -> 11.6%' },
  ],
  diagnosis: 'Traffic, not conversion: the main keyword fell from organic rank 6 to 14',
  action: 'Push the rank of "bamboo cutting board" with a top-of-search placement bid +50%',
  expected_effect: 'Back to page-one rank within a week; sessions +15%',
};

t.test('a review goes from problem to action to measured outcome', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const owner = await makeMember(h);
  const created = await h.request({ method: 'POST', url: '/v1/reviews', payload: { ...REVIEW, owner_id: owner.id } });
  t.equal(created.statusCode, 201);
  const review = created.json();
  t.match(review, { object: 'review', week: '2026-W47', due_week: '2026-W48', status: 'open', outcome: null, owner_id: owner.id, analyses: [] });
  t.same(review.data_points[1], { label: 'Unit session percentage', value: '11.8% -> 11.6%' });

  const early = await h.request({ method: 'PATCH', url: `/v1/reviews/${review.id}`, payload: { status: 'evaluated' } });
  t.equal(early.statusCode, 422, 'evaluating needs an outcome');
  t.same(early.json().errors, [{ path: '/body/outcome', message: 'is required to evaluate a review: record the measured effect' }]);

  const acted = await h.request({ method: 'PATCH', url: `/v1/reviews/${review.id}`, headers: { 'if-match': '"1"' }, payload: { status: 'acted' } });
  t.equal(acted.statusCode, 200);
  t.match(acted.json(), { status: 'acted', version: 2 });
  t.ok(acted.json().acted_at);

  const evaluated = await h.request({
    method: 'PATCH',
    url: `/v1/reviews/${review.id}`,
    payload: {
      status: 'evaluated',
      outcome: {
        measured_effect: 'Rank 14 -> 11; sessions +4%',
        reason: 'The ad was shown more on product pages than at the top of search: placement too low',
        learning: 'Check the placement report after two days, not a week',
      },
    },
  });
  t.equal(evaluated.statusCode, 200);
  t.match(evaluated.json(), { status: 'evaluated', outcome: { measured_effect: 'Rank 14 -> 11; sessions +4%' } });
  t.ok(evaluated.json().evaluated_at);

  const back = await h.request({ method: 'PATCH', url: `/v1/reviews/${review.id}`, payload: { status: 'open' } });
  t.equal(back.statusCode, 409);
  t.equal(back.json().code, 'invalid_transition');
});

t.test('reviews check weeks and owners, and need an action before acting', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const post = (body: Record<string, unknown>) => h.request({ method: 'POST', url: '/v1/reviews', payload: { week: '2026-W10', problem: 'Returns up', ...body } });
  t.same((await post({ week: '2025-W53' })).json().errors?.[0], { path: '/body/week', message: 'is not a week of that year' }, '2025 has 52 ISO weeks');
  t.equal((await post({ week: '2025-W53' })).statusCode, 422);
  t.equal((await post({ week: '2026-W53' })).statusCode, 201, '2026 has 53');
  t.equal((await post({ due_week: '2026-W09' })).statusCode, 422, 'the effect cannot be due before the review');
  t.equal((await post({ owner_id: 'mem_01NOSUCHMEMBER' })).statusCode, 422);
  t.equal((await post({ week: '2026-10' })).statusCode, 400);
  t.equal((await post({ week: '2020-W53' })).json().due_week, '2021-W01', 'a year with 53 weeks rolls over');
  const bare = (await post({})).json();
  const acted = await h.request({ method: 'PATCH', url: `/v1/reviews/${bare.id}`, payload: { status: 'acted' } });
  t.equal(acted.statusCode, 422);
  t.same(acted.json().errors, [{ path: '/body/action', message: 'is required for a review that is acted' }]);
  const both = await h.request({ method: 'PATCH', url: `/v1/reviews/${bare.id}`, payload: { status: 'acted', action: 'Insert card explaining the size' } });
  t.equal(both.statusCode, 200, 'the action and the status in one change');
});

t.test('any member adds an analysis; the review keeps them all with their authors', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const lead = await makeMember(h, { name: 'Lead' });
  const operator = await makeMember(h, { name: 'Operator' });
  const review = (await h.request({ method: 'POST', url: '/v1/reviews', payload: REVIEW })).json();

  // The operator's own key writes as the operator.
  const operatorKey = (await h.request({ method: 'POST', url: '/v1/api-keys', payload: { name: 'operator', scopes: ['sop:write', 'sop:read'], member_id: operator.id } })).json().secret;
  const first = await h.request({ method: 'POST', url: `/v1/reviews/${review.id}/analyses`, key: operatorKey, payload: { body: 'Competitor cut price by 15% the same week', suggested_action: 'Coupon 10% for two weeks' } });
  t.equal(first.statusCode, 201);
  t.match(first.json(), { object: 'review_analysis', review_id: review.id, author_id: operator.id, suggested_action: 'Coupon 10% for two weeks' });
  const impersonate = await h.request({ method: 'POST', url: `/v1/reviews/${review.id}/analyses`, key: operatorKey, payload: { body: 'As the lead', author_id: lead.id } });
  t.equal(impersonate.statusCode, 422, "a member's key cannot write as someone else");

  // The admin key belongs to no member: it names the author.
  t.equal((await h.request({ method: 'POST', url: `/v1/reviews/${review.id}/analyses`, payload: { body: 'No author' } })).statusCode, 422);
  const second = await h.request({ method: 'POST', url: `/v1/reviews/${review.id}/analyses`, payload: { body: 'Rank loss started before the price cut', author_id: lead.id } });
  t.equal(second.statusCode, 201);

  const got = (await h.request({ method: 'GET', url: `/v1/reviews/${review.id}` })).json();
  t.same(got.analyses.map((a: { author_id: string; body: string }) => [a.author_id, a.body]), [
    [operator.id, 'Competitor cut price by 15% the same week'],
    [lead.id, 'Rank loss started before the price cut'],
  ]);
  t.equal(got.version, 3, 'each analysis changes the review version');
});

t.test('reviews list latest week first and filter', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const owner = await makeMember(h);
  const mk = async (body: Record<string, unknown>) => (await h.request({ method: 'POST', url: '/v1/reviews', payload: { problem: 'p', ...body } })).json().id as string;
  const a = await mk({ week: '2026-W40', subject: { type: 'product', id: 'P1' } });
  const b = await mk({ week: '2026-W42', owner_id: owner.id });
  const c = await mk({ week: '2026-W41', action: 'x' });
  await h.request({ method: 'PATCH', url: `/v1/reviews/${c}`, payload: { status: 'acted' } });
  const ids = async (q: string) => (await h.request({ method: 'GET', url: `/v1/reviews${q}` })).json().data.map((r: { id: string }) => r.id);
  t.same(await ids(''), [b, c, a]);
  t.same(await ids('?status=acted'), [c]);
  t.same(await ids(`?owner_id=${owner.id}`), [b]);
  t.same(await ids('?due_week=2026-W41'), [a]);
  t.same(await ids('?subject_type=product&subject_id=P1'), [a]);
  const page = (await h.request({ method: 'GET', url: '/v1/reviews?limit=2' })).json();
  t.same(await ids(`?limit=2&cursor=${page.next_cursor}`), [a]);
});
