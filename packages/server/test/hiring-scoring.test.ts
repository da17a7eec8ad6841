import t from 'tap';
import { interviewerBiases } from '../src/modules/hiring/calibration.ts';
import { summarizeScores } from '../src/modules/hiring/scoring.ts';
import { dimension, makeApplication, makeInterviewer, makeRole, moveTo, score } from './helpers/hiring-factories.ts';
import { createTestApp } from './helpers/index.ts';

const stored = (key: string, weight: number, knockOut?: number) => ({ ...dimension(key, weight), description: '', knock_out: knockOut ? { minimum: knockOut } : null });
const card = (interviewer_id: string, scores: Record<string, number>, recommendation = 'yes') => ({
  interviewer_id,
  stage: 'interview',
  recommendation,
  scores: Object.entries(scores).map(([dimension_key, s]) => ({ dimension_key, score: s, evidence: null })),
});

t.test('weighted score, mean, spread and knock-outs by hand', async (t) => {
  // weights 3 and 1; A scores thinking 4 / patience 2, B scores thinking 5 / patience 3.
  // thinking mean 4.5, patience mean 2.5 -> weighted (3 x 4.5 + 1 x 2.5) / 4 = 16 / 4 = 4.0
  // patience is a knock-out at 3: mean 2.5 < 3 triggers it.
  const result = summarizeScores([stored('thinking', 3), stored('patience', 1, 3)], [card('A', { thinking: 4, patience: 2 }), card('B', { thinking: 5, patience: 3 }, 'strong_yes')]);
  t.equal(result.weighted_score, 4);
  t.equal(result.scored_weight_share, 1);
  t.same(result.dimensions.map((d) => [d.key, d.mean, d.spread, d.stddev, d.score_count]), [
    ['thinking', 4.5, 1, 0.5, 2],
    ['patience', 2.5, 1, 0.5, 2],
  ]);
  t.same(result.knock_outs, [{ dimension_key: 'patience', name: 'patience', minimum: 3, mean: 2.5 }]);
  t.equal(result.knocked_out, true);
  t.same(result.recommendations, { strong_no: 0, no: 0, yes: 1, strong_yes: 1 });

  const atMinimum = summarizeScores([stored('thinking', 3), stored('patience', 1, 3)], [card('A', { thinking: 2, patience: 3 })]);
  t.equal(atMinimum.knocked_out, false, 'a mean equal to the minimum passes');

  // Only thinking scored: the weighted score rests on thinking alone, on 3/4 of the weight.
  const partial = summarizeScores([stored('thinking', 3), stored('patience', 1, 3)], [card('A', { thinking: 4 })]);
  t.equal(partial.weighted_score, 4);
  t.equal(partial.scored_weight_share, 0.75);
  t.equal(partial.knocked_out, false, 'an unscored knock-out does not trigger');
  t.equal(summarizeScores([stored('thinking', 1)], []).weighted_score, null, 'no scores, no score');
});

t.test('interviewer bias by hand: deviation from the other interviewers, shrunk by n / (n + 3)', async (t) => {
  const cards = [
    // app1: A 5, B 3 -> A +2, B -2; app2: A 4, B 2 -> A +2, B -2; app3: A 4, B 4 -> 0, 0
    { application_id: 'app1', interviewer_id: 'A', scores: [{ dimension_key: 'x', score: 5, evidence: null }] },
    { application_id: 'app1', interviewer_id: 'B', scores: [{ dimension_key: 'x', score: 3, evidence: null }] },
    { application_id: 'app2', interviewer_id: 'A', scores: [{ dimension_key: 'x', score: 4, evidence: null }] },
    { application_id: 'app2', interviewer_id: 'B', scores: [{ dimension_key: 'x', score: 2, evidence: null }] },
    { application_id: 'app3', interviewer_id: 'A', scores: [{ dimension_key: 'x', score: 4, evidence: null }] },
    { application_id: 'app3', interviewer_id: 'B', scores: [{ dimension_key: 'x', score: 4, evidence: null }] },
    // C scored alone: nothing to compare with, so no bias.
    { application_id: 'app4', interviewer_id: 'C', scores: [{ dimension_key: 'x', score: 5, evidence: null }] },
  ];
  const biases = interviewerBiases(cards);
  // A: mean deviation 4/3, n = 3 -> 3/6 x 4/3 = 2/3
  t.equal(biases.get('A')!.compared_scorecards, 3);
  t.ok(Math.abs(biases.get('A')!.mean_deviation - 4 / 3) < 1e-9);
  t.ok(Math.abs(biases.get('A')!.bias - 2 / 3) < 1e-9, 'A is lenient by 2/3 of a point');
  t.ok(Math.abs(biases.get('B')!.bias + 2 / 3) < 1e-9, 'B is severe by 2/3 of a point');
  t.same(biases.get('C'), { interviewer_id: 'C', compared_scorecards: 0, mean_deviation: 0, bias: 0 });
});

t.test('summary and ranking through the API: calibrated beside raw, knock-outs flagged and last', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const role = await makeRole(h, { level: 'junior', dimensions: [dimension('thinking', 3), dimension('patience', 1, 3)] });
  const lenient = await makeInterviewer(h);
  const severe = await makeInterviewer(h);
  const shared = async (a: number, b: number) => {
    const app = await makeApplication(h, role.id);
    await score(h, app.id, lenient.id, { thinking: a, patience: a });
    await score(h, app.id, severe.id, { thinking: b, patience: b });
    return app;
  };
  // Three applications both interviewers scored: lenient is +2, +2, 0 against severe.
  const p1 = await shared(5, 3);
  const p2 = await shared(4, 2);
  const p3 = await shared(4, 4);
  // Two applications with one interviewer each: this is where calibration matters.
  const onlyLenient = await makeApplication(h, role.id);
  await score(h, onlyLenient.id, lenient.id, { thinking: 5, patience: 5 });
  const onlySevere = await makeApplication(h, role.id);
  await score(h, onlySevere.id, severe.id, { thinking: 4, patience: 4 }, 'strong_yes');
  // High thinking but impatient: knocked out whatever the total.
  const impatient = await makeApplication(h, role.id);
  await score(h, impatient.id, severe.id, { thinking: 5, patience: 2 });

  const ranking = await h.request({ method: 'GET', url: `/v1/roles/${role.id}/ranking` });
  t.equal(ranking.statusCode, 200);
  const body = ranking.json();
  const bias = Object.fromEntries(body.calibration.interviewers.map((i: { interviewer_id: string; bias: number }) => [i.interviewer_id, i]));
  // Each interviewer's per-scorecard deviation: lenient +2, +2, 0 on shared ones (4 compared scorecards
  // would need a fourth shared app); n = 3, mean 4/3, bias = 3/6 x 4/3 = 0.67.
  t.equal(bias[lenient.id].bias, 0.67);
  t.equal(bias[lenient.id].compared_scorecards, 3);
  t.equal(bias[severe.id].bias, -0.67);
  t.match(body.calibration.method, /shrunk towards zero by n \/ \(n \+ k\)/);

  const entry = (id: string) => body.entries.find((e: { application_id: string }) => e.application_id === id);
  t.equal(entry(onlyLenient.id).raw_score, 5);
  t.equal(entry(onlyLenient.id).calibrated_score, 4.33, '5 - 2/3');
  t.equal(entry(onlySevere.id).raw_score, 4);
  t.equal(entry(onlySevere.id).calibrated_score, 4.67, '4 + 2/3');
  t.equal(entry(p1.id).raw_score, 4);
  t.equal(entry(p1.id).calibrated_score, 4, 'a balanced panel is unchanged: (4.33 + 3.67) / 2');
  t.equal(entry(p2.id).calibrated_score, 3);
  t.equal(entry(p3.id).calibrated_score, 4, '(3.33 + 4.67) / 2');

  t.same(entry(impatient.id).knock_outs, ['patience']);
  t.equal(entry(impatient.id).knocked_out, true);
  t.equal(entry(impatient.id).raw_score, 4.25, '(3 x 5 + 1 x 2) / 4');
  t.equal(entry(impatient.id).calibrated_score, 4.42, 'thinking 5 + 2/3 is kept at 5: (3 x 5 + 1 x 2.67) / 4');
  t.same(
    body.entries.map((e: { application_id: string; rank: number }) => [e.rank, e.application_id]),
    [
      [1, onlySevere.id],
      [2, onlyLenient.id],
      [3, p1.id],
      [4, p3.id],
      [5, p2.id],
      [6, impatient.id],
    ],
    'by calibrated score (ties by raw, then id); the knock-out last although its raw score beats three others',
  );
  // p1 and p3 tie at calibrated 4 and raw 4: the id decides.
  t.ok(p1.id < p3.id);
  t.same(entry(onlySevere.id).recommendations, { strong_no: 0, no: 0, yes: 0, strong_yes: 1 });

  const summary = await h.request({ method: 'GET', url: `/v1/applications/${p1.id}/summary` });
  t.equal(summary.statusCode, 200);
  const s = summary.json();
  t.equal(s.weighted_score, 4);
  t.same(s.dimensions.map((d: { key: string; mean: number; spread: number }) => [d.key, d.mean, d.spread]), [
    ['thinking', 4, 2],
    ['patience', 4, 2],
  ]);
  t.equal(s.scorecard_count, 2);
  t.same(s.recommendations, { strong_no: 0, no: 0, yes: 2, strong_yes: 0 });
});

t.test('scorecards: one per interviewer per stage, If-Match to edit, unknown dimensions refused', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const role = await makeRole(h);
  const interviewer = await makeInterviewer(h);
  const second = await makeInterviewer(h);
  const app = await makeApplication(h, role.id, { panel: [{ interviewer_id: interviewer.id, stage: 'screen' }, { interviewer_id: second.id, stage: 'interview' }] });
  const first = await score(h, app.id, interviewer.id, { thinking: 3 });

  const again = await h.request({ method: 'POST', url: `/v1/applications/${app.id}/scorecards`, payload: { interviewer_id: interviewer.id, stage: 'screen', recommendation: 'no', scores: [{ dimension_key: 'thinking', score: 2, evidence: null }] } });
  t.equal(again.statusCode, 409, 'a second scorecard for the same seat');
  const early = await h.request({ method: 'POST', url: `/v1/applications/${app.id}/scorecards`, payload: { interviewer_id: second.id, stage: 'interview', recommendation: 'no', scores: [{ dimension_key: 'thinking', score: 2, evidence: null }] } });
  t.equal(early.statusCode, 409, 'no interview scorecard while the application is at screen');

  let summary = (await h.request({ method: 'GET', url: `/v1/applications/${app.id}/summary` })).json();
  t.same(summary.missing_scorecards, [{ interviewer_id: second.id, stage: 'interview' }], 'the interview seat is missing');
  await moveTo(h, app.id, 'interview');
  await score(h, app.id, second.id, { thinking: 5, learning: 4 }, 'strong_yes', 'interview');
  summary = (await h.request({ method: 'GET', url: `/v1/applications/${app.id}/summary` })).json();
  t.same(summary.missing_scorecards, [], 'nothing missing once both handed in');
  // thinking (3 + 5) / 2 = 4 at weight 2, learning 4 at weight 1 -> (8 + 4) / 3 = 4
  t.equal(summary.weighted_score, 4);

  const noIfMatch = await h.request({ method: 'PATCH', url: `/v1/scorecards/${first.id}`, payload: { recommendation: 'strong_no' } });
  t.equal(noIfMatch.statusCode, 428, 'editing needs If-Match');
  t.equal(noIfMatch.json().code, 'precondition_required');
  const stale = await h.request({ method: 'PATCH', url: `/v1/scorecards/${first.id}`, headers: { 'if-match': '"7"' }, payload: { recommendation: 'strong_no' } });
  t.equal(stale.statusCode, 412);
  const edited = await h.request({ method: 'PATCH', url: `/v1/scorecards/${first.id}`, headers: { 'if-match': `"${first.version}"` }, payload: { scores: [{ dimension_key: 'learning', score: 2, evidence: 'slow to pick up ACoS' }] } });
  t.equal(edited.statusCode, 200);
  t.same(edited.json().scores.map((s: { dimension_key: string; score: number }) => [s.dimension_key, s.score]), [['thinking', 3], ['learning', 2]], 'scores merge by dimension');
  t.equal(edited.headers.etag, '"2"');

  const unknown = await h.request({ method: 'PATCH', url: `/v1/scorecards/${first.id}`, headers: { 'if-match': '"2"' }, payload: { scores: [{ dimension_key: 'charm', score: 2, evidence: null }] } });
  t.equal(unknown.statusCode, 422);
  t.same(unknown.json().errors, [{ path: '/body/scores/0/dimension_key', message: 'unknown dimension charm' }]);
  const stranger = await h.request({ method: 'POST', url: `/v1/applications/${app.id}/scorecards`, payload: { interviewer_id: 'mem_01NOSUCH', stage: 'screen', recommendation: 'no', scores: [{ dimension_key: 'thinking', score: 2, evidence: null }] } });
  t.equal(stranger.statusCode, 422, 'the interviewer must be a member');
  const list = await h.request({ method: 'GET', url: `/v1/applications/${app.id}/scorecards` });
  t.equal(list.json().data.length, 2);
});

t.test('applications move along allowed stages only; a rejection needs a reason', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const role = await makeRole(h);
  const app = await makeApplication(h, role.id);
  t.equal(app.stage, 'screen');
  const skip = await h.request({ method: 'PATCH', url: `/v1/applications/${app.id}`, payload: { stage: 'hired' } });
  t.equal(skip.statusCode, 409, 'screen -> hired is not allowed');
  t.match(skip.json().detail, /can move to interview, rejected, withdrawn/);
  await moveTo(h, app.id, 'interview', 'decision');
  const noReason = await h.request({ method: 'PATCH', url: `/v1/applications/${app.id}`, payload: { stage: 'rejected' } });
  t.equal(noReason.statusCode, 422);
  const reasonWithoutRejecting = await h.request({ method: 'PATCH', url: `/v1/applications/${app.id}`, payload: { rejection_reason: 'why' } });
  t.equal(reasonWithoutRejecting.statusCode, 422);
  const rejected = await h.request({ method: 'PATCH', url: `/v1/applications/${app.id}`, payload: { stage: 'rejected', rejection_reason: 'Impatient with routine work' } });
  t.equal(rejected.statusCode, 200);
  t.match(rejected.json(), { stage: 'rejected', rejection_reason: 'Impatient with routine work', version: 4 });
  const reopen = await h.request({ method: 'PATCH', url: `/v1/applications/${app.id}`, payload: { stage: 'interview' } });
  t.equal(reopen.statusCode, 409, 'rejected is final');
  t.match(reopen.json().detail, /closed/);

  const candidateId = app.candidate_id;
  const twice = await h.request({ method: 'POST', url: '/v1/applications', payload: { candidate_id: candidateId, role_id: role.id } });
  t.equal(twice.statusCode, 409, 'one application per candidate and role');
  t.equal((await h.request({ method: 'GET', url: `/v1/applications?stage=rejected&role_id=${role.id}` })).json().data.length, 1);
});
