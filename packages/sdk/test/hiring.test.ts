import t from 'tap';
import { startTestServer } from '@sellerops/server/testing';
import { ProblemError, createClient } from '../src/index.ts';

const server = await startTestServer();
t.teardown(server.close);
const client = createClient({ baseUrl: server.url, apiKey: server.adminKey });

t.test('a hiring round through the typed client: install, apply, score, summarize, rank, erase', async (t) => {
  const role = await client.POST('/v1/rubric-library/{key}/install', { params: { path: { key: 'junior_operator' } }, body: {} });
  t.equal(role.library_key, 'junior_operator');
  const interviewer = await client.POST('/v1/members', { body: { name: 'Interviewer', email: 'interviewer@example.com', role: 'manager' } });
  const candidate = await client.POST('/v1/candidates', { body: { name: 'Client Candidate', email: 'cc@example.com' } });
  const application = await client.POST('/v1/applications', { body: { candidate_id: candidate.id, role_id: role.id } });
  const scores = role.rubric.dimensions.map((d) => ({ dimension_key: d.key, score: d.key === 'patience' ? 2 : 4, evidence: null }));
  const scorecard = await client.POST('/v1/applications/{id}/scorecards', {
    params: { path: { id: application.id } },
    body: { interviewer_id: interviewer.id, stage: 'screen', recommendation: 'no', scores },
  });
  t.equal(scorecard.rubric_version, 1);

  const summary = await client.GET('/v1/applications/{id}/summary', { params: { path: { id: application.id } } });
  t.equal(summary.knocked_out, true, 'patience 2 is below the knock-out minimum 3');
  t.same(summary.knock_outs.map((k) => k.dimension_key), ['patience']);
  // weights 25, 20, 20, 15 at 4 and patience 20 at 2: (80 x 4 + 20 x 2) / 100 = 3.6
  t.equal(summary.weighted_score, 3.6);

  const ranking = await client.GET('/v1/roles/{id}/ranking', { params: { path: { id: role.id } } });
  t.equal(ranking.entries[0]!.candidate_name, 'Client Candidate');

  const duplicate = await client
    .POST('/v1/applications/{id}/scorecards', { params: { path: { id: application.id } }, body: { interviewer_id: interviewer.id, stage: 'screen', recommendation: 'yes', scores } })
    .then(() => null, (error: unknown) => error);
  t.ok(duplicate instanceof ProblemError, 'a second scorecard for the seat is a problem');
  t.equal((duplicate as ProblemError).status, 409);

  const erased = await client.DELETE('/v1/candidates/{id}', { params: { path: { id: candidate.id } } });
  t.equal(erased.name, null);
  t.type(erased.erased_at, 'string');
});
