import t from 'tap';
import { dimension, makeApplication, makeInterviewer, makeRole, score } from './helpers/hiring-factories.ts';
import { createTestApp } from './helpers/index.ts';

t.test('GraphQL serves roles with rubric and ranking, applications with role, candidate and summary', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const role = await makeRole(h, { name: 'Junior', level: 'junior', dimensions: [dimension('learning', 3), dimension('patience', 1, 3)] });
  const interviewer = await makeInterviewer(h);
  const app = await makeApplication(h, role.id);
  await score(h, app.id, interviewer.id, { learning: 4, patience: 2 });
  const res = await h.request({
    method: 'POST',
    url: '/graphql',
    payload: {
      query: `{
        roles(first: 10) { nodes { id name rubric { version dimensions { key weight knock_out_minimum } } ranking { entries { rank application_id raw_score calibrated_score knocked_out knock_outs } calibration { shrinkage } } } }
        application(id: "${app.id}") { stage role { name } candidate { id name } summary { weighted_score knocked_out knock_outs { dimension_key mean } dimensions { key mean spread } recommendations { yes } } }
      }`,
    },
  });
  t.equal(res.statusCode, 200, res.body.slice(0, 400));
  t.notOk(res.json().errors, 'no errors');
  const data = res.json().data;
  t.same(data.roles.nodes[0].rubric.dimensions.map((d: { key: string; knock_out_minimum: number | null }) => [d.key, d.knock_out_minimum]), [['learning', null], ['patience', 3]]);
  t.same(data.roles.nodes[0].ranking.entries, [{ rank: 1, application_id: app.id, raw_score: 3.5, calibrated_score: 3.5, knocked_out: true, knock_outs: ['patience'] }]);
  t.equal(data.roles.nodes[0].ranking.calibration.shrinkage, 3);
  t.equal(data.application.role.name, 'Junior');
  t.equal(data.application.candidate.id, app.candidate_id);
  t.match(data.application.summary, { weighted_score: 3.5, knocked_out: true, knock_outs: [{ dimension_key: 'patience', mean: 2 }], recommendations: { yes: 1 } });
});

t.test('nested hiring fields are batched: the statement count does not grow with the rows', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const interviewer = await makeInterviewer(h);
  const addRole = async () => {
    const role = await makeRole(h);
    const app = await makeApplication(h, role.id);
    await score(h, app.id, interviewer.id, { thinking: 4, learning: 3 });
  };
  const query = `{
    roles(first: 100) { nodes { id rubric { version } ranking { entries { raw_score calibrated_score } } } }
    applications(first: 100) { nodes { id role { name rubric { version } } candidate { id } summary { weighted_score dimensions { mean } } } }
  }`;
  const count = async () => {
    h.testDb.statements.length = 0;
    const res = await h.request({ method: 'POST', url: '/graphql', payload: { query } });
    t.notOk(res.json().errors, 'no errors');
    const statements = h.testDb.statements.filter((s) => !/last_used_at|from "api_keys" where "secret_hash"/.test(s)).length;
    return { statements, rows: res.json().data.applications.nodes.length + res.json().data.roles.nodes.length };
  };
  await addRole();
  const small = await count();
  for (let i = 0; i < 8; i++) await addRole();
  const large = await count();
  t.equal(large.rows, small.rows * 9, `nine times the rows (${small.rows} -> ${large.rows})`);
  t.equal(large.statements, small.statements, `the same ${small.statements} statements`);
});
