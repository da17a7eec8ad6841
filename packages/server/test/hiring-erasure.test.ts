import { Writable } from 'node:stream';
import pino from 'pino';
import t from 'tap';
import { sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import { loggerOptions } from '../src/logger.ts';
import { bootstrap } from '../src/modules/workspace/workspace.service.ts';
import { createTestDatabase } from './helpers/database.ts';
import { dimension, makeInterviewer, makeRole, moveTo } from './helpers/hiring-factories.ts';
import { createTestApp } from './helpers/index.ts';
import type { TestApp } from './helpers/app.ts';

/** Every table's rows as text, for finding a value anywhere in the database. */
async function tablesContaining(h: { app: TestApp['app'] }, value: string): Promise<string[]> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`.execute(h.app.db);
  const found: string[] = [];
  for (const { table_name } of tables.rows) {
    const rows = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table_name)} t where t::text like ${`%${value}%`}`.execute(h.app.db);
    if (rows.rows[0]!.n > 0) found.push(table_name);
  }
  return found;
}

/** Personal values, each unique enough that finding it anywhere can only mean it leaked. */
const PERSONAL = {
  name: 'Zhuangzi Quillfeather',
  email: 'zq.candidate@example.org',
  phone: '+86 138 0000 4242',
  resume_text: 'Five years at Lanternfish Trading running pet supplies',
  resume_url: 'https://example.org/cv/quillfeather.pdf',
  background: 'Studied at Harbourview Polytechnic; plays the guzheng',
  followed: 'Sellerflux Forum',
  notes: 'Referred by Ottoline from the Shenzhen meetup',
  evidence: 'Explained the Marigold campaign structure in detail',
  scorecardNotes: 'Nervous at first, then very clear',
  rejection: 'Quillfeather asked for remote-only work',
  submission: 'Plan for Moonbeam lamp: price band $20-30',
  submissionUrl: 'https://example.org/work/quillfeather-plan',
  assignment: 'Quillfeather: write a research plan for our lamp',
  mapNode: 'Lanternfish ad experiments',
};

async function candidateWithEverything(h: TestApp, idempotencyPrefix: string) {
  const role = await makeRole(h, { dimensions: [dimension('thinking', 2), dimension('patience', 1, 3)] });
  const interviewer = await makeInterviewer(h);
  const post = async (url: string, payload: Record<string, unknown>, key: string) => {
    const res = await h.request({ method: 'POST', url, payload, headers: { 'idempotency-key': `${idempotencyPrefix}-${key}` } });
    if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const candidate = await post(
    '/v1/candidates',
    {
      name: PERSONAL.name,
      email: PERSONAL.email,
      phone: PERSONAL.phone,
      resume_text: PERSONAL.resume_text,
      resume_url: PERSONAL.resume_url,
      background: PERSONAL.background,
      followed_sources: [PERSONAL.followed],
      notes: PERSONAL.notes,
      source: 'referral',
      years_experience: 2.5,
      style: 'steady',
    },
    'candidate',
  );
  const application = await post('/v1/applications', { candidate_id: candidate.id, role_id: role.id }, 'application');
  const scorecard = await post(
    `/v1/applications/${application.id}/scorecards`,
    {
      interviewer_id: interviewer.id,
      stage: 'screen',
      recommendation: 'yes',
      notes: PERSONAL.scorecardNotes,
      scores: [
        { dimension_key: 'thinking', score: 4, evidence: PERSONAL.evidence },
        { dimension_key: 'patience', score: 2, evidence: null },
      ],
    },
    'scorecard',
  );
  const workSample = await post(
    `/v1/applications/${application.id}/work-samples`,
    {
      assignment: PERSONAL.assignment,
      product_ref: 'B0TESTLAMP',
      submission_text: PERSONAL.submission,
      submission_url: PERSONAL.submissionUrl,
      scores: ['product_attributes', 'competitor_analysis', 'market_positioning', 'resource_fit', 'tactics'].map((k, i) => ({ dimension_key: k, score: i + 1, evidence: PERSONAL.evidence })),
    },
    'work-sample',
  );
  const framework = await post('/v1/knowledge-frameworks', { starter: 'amazon_operations' }, 'framework');
  const map = await post('/v1/knowledge-maps', { framework_id: framework.id, candidate_id: candidate.id, format: 'markdown', text: `# Me\n## Advertising\n- ${PERSONAL.mapNode}\n- ACoS` }, 'map');
  await moveTo(h, application.id, 'interview');
  const rejected = await h.request({ method: 'PATCH', url: `/v1/applications/${application.id}`, payload: { stage: 'rejected', rejection_reason: PERSONAL.rejection } });
  if (rejected.statusCode !== 200) throw new Error(rejected.body);
  const patched = await h.request({ method: 'PATCH', url: `/v1/candidates/${candidate.id}`, payload: { notes: `${PERSONAL.notes} (updated)` } });
  if (patched.statusCode !== 200) throw new Error(patched.body);
  return { role, interviewer, candidate, application, scorecard, workSample, map };
}

t.test('erasure leaves no personal value in any table, the audit log and stored responses included; scores stay', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const made = await candidateWithEverything(h, 'erase');
  // A second candidate, not erased, proves the scan would find values that are there.
  const kept = await h.request({ method: 'POST', url: '/v1/candidates', payload: { name: 'Keeper Appleby-Storm', email: 'keeper@example.org' } });

  for (const value of Object.values(PERSONAL)) t.not((await tablesContaining(h, value)).length, 0, `before erasure "${value}" is stored`);
  t.same(await tablesContaining(h, 'Keeper Appleby-Storm'), ['hiring_candidates'], 'the scan finds a stored name (and the audit log has no name)');

  const stale = await h.request({ method: 'DELETE', url: `/v1/candidates/${made.candidate.id}`, headers: { 'if-match': '"1"' } });
  t.equal(stale.statusCode, 412, 'erasure honours If-Match');
  const erased = await h.request({ method: 'DELETE', url: `/v1/candidates/${made.candidate.id}` });
  t.equal(erased.statusCode, 200);
  t.match(erased.json(), { id: made.candidate.id, name: null, email: null, phone: null, resume_text: null, resume_url: null, background: null, followed_sources: [], notes: null, source: 'referral', years_experience: 2.5, style: 'steady' });
  t.type(erased.json().erased_at, 'string');

  for (const [field, value] of Object.entries(PERSONAL)) {
    t.same(await tablesContaining(h, value), [], `no table holds the erased ${field}`);
  }
  t.same(await tablesContaining(h, 'Keeper Appleby-Storm'), ['hiring_candidates'], 'other candidates are untouched');

  const summary = await h.request({ method: 'GET', url: `/v1/applications/${made.application.id}/summary` });
  t.equal(summary.statusCode, 200);
  t.same(summary.json().dimensions.map((d: { key: string; mean: number }) => [d.key, d.mean]), [['thinking', 4], ['patience', 2]], 'the scores remain');
  t.equal(summary.json().knocked_out, true, 'and so does what they mean');
  t.same(summary.json().recommendations.yes, 1);
  const card = (await h.request({ method: 'GET', url: `/v1/scorecards/${made.scorecard.id}` })).json();
  t.same(card.scores, [{ dimension_key: 'thinking', score: 4, evidence: null }, { dimension_key: 'patience', score: 2, evidence: null }]);
  t.equal(card.notes, null);
  const application = (await h.request({ method: 'GET', url: `/v1/applications/${made.application.id}` })).json();
  t.match(application, { stage: 'rejected', rejection_reason: null, candidate_id: made.candidate.id });
  const sample = (await h.request({ method: 'GET', url: `/v1/applications/${made.application.id}/work-samples` })).json().data[0];
  t.match(sample, { assignment: null, submission_text: null, submission_url: null, product_ref: 'B0TESTLAMP', weighted_score: 2.65 });
  const map = (await h.request({ method: 'GET', url: `/v1/knowledge-maps/${made.map.id}` })).json();
  t.equal(map.tree, null, "the map's own text goes");
  t.equal(map.comparison.branches.find((b: { title: string }) => b.title === 'Advertising').covered, 1, 'its comparison stays');
  const ranking = (await h.request({ method: 'GET', url: `/v1/roles/${made.role.id}/ranking` })).json();
  t.match(ranking.entries[0], { candidate_id: made.candidate.id, candidate_name: null, raw_score: 3.33 });

  const audit = await h.request({ method: 'GET', url: `/v1/audit-events?object_id=${made.candidate.id}` });
  const actions = audit.json().data.map((e: { action: string }) => e.action);
  t.same(actions, ['candidate.erased', 'candidate.updated', 'candidate.created'], 'the erasure is recorded');
  t.match(audit.json().data[0].after, { erased: true, applications: 1, scorecards: 1, work_samples: 1, knowledge_maps: 1 });
  t.ok(audit.json().data[0].after.idempotency_records >= 5, 'stored responses holding the data were removed');

  const replay = await h.request({ method: 'POST', url: '/v1/candidates', headers: { 'idempotency-key': 'erase-candidate' }, payload: { name: 'Someone else' } });
  t.equal(replay.statusCode, 201);
  t.not(replay.headers['idempotent-replayed'], 'true', 'the old response is not replayed');
  t.not(replay.json().id, made.candidate.id);

  const again = await h.request({ method: 'DELETE', url: `/v1/candidates/${made.candidate.id}` });
  t.equal(again.statusCode, 200, 'erasing twice is harmless');
  t.equal(again.json().version, erased.json().version, 'and changes nothing');
  const refill = await h.request({ method: 'PATCH', url: `/v1/candidates/${made.candidate.id}`, payload: { name: 'Back again' } });
  t.equal(refill.statusCode, 409, 'an erased candidate takes no new personal data');
  const newEvidence = await h.request({
    method: 'PATCH',
    url: `/v1/scorecards/${made.scorecard.id}`,
    headers: { 'if-match': `"${card.version}"` },
    payload: { notes: 'Remembered more about them' },
  });
  t.equal(newEvidence.statusCode, 409, 'no new notes about an erased candidate');
  const newSample = await h.request({
    method: 'POST',
    url: `/v1/applications/${made.application.id}/work-samples`,
    payload: { assignment: 'Again', submission_text: 'Their new plan', scores: sample.scores.map((x: { dimension_key: string }) => ({ dimension_key: x.dimension_key, score: 3, evidence: null })) },
  });
  t.equal(newSample.statusCode, 409, 'no new work sample for an erased candidate');
  const reapply = await h.request({ method: 'POST', url: '/v1/applications', payload: { candidate_id: made.candidate.id, role_id: made.role.id } });
  t.equal(reapply.statusCode, 422);
  t.equal(kept.statusCode, 201);
  t.equal((await h.request({ method: 'GET', url: '/v1/candidates?erased=true' })).json().data.length, 1);
});

t.test('the audit log never holds personal values, even before erasure', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  await candidateWithEverything(h, 'audit');
  const rows = await sql<{ text: string }>`select t::text as text from audit_events t`.execute(h.app.db);
  const log = rows.rows.map((r) => r.text).join('\n');
  t.ok(log.includes('candidate.created') && log.includes('scorecard.created') && log.includes('knowledge_map.created'), 'hiring changes are audited');
  for (const [field, value] of Object.entries(PERSONAL)) t.notOk(log.includes(value), `the audit log has no ${field}`);
  const update = await h.app.db.selectFrom('audit_events').select('after').where('action', '=', 'candidate.updated').executeTakeFirstOrThrow();
  t.same(update.after!.personal_fields_changed, ['notes'], 'it names which personal fields changed, not their values');
});

t.test('hiring data never appears in the logs', async (t) => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = pino(loggerOptions('debug') as pino.LoggerOptions, sink);
  const testDb = await createTestDatabase();
  const created = await bootstrap(testDb.database.db);
  const app = await buildApp({ database: testDb.database, loggerInstance: logger, closeDatabase: false, config: { MAX_EVENT_LOOP_DELAY_MS: 0 } });
  t.teardown(async () => {
    await app.close();
    await testDb.drop();
  });
  const adminKey = created!.api_key.secret;
  const h = {
    app,
    request: (options: Parameters<TestApp['request']>[0]) => {
      const { key: _key, ...rest } = options;
      return app.inject({ ...rest, headers: { ...(rest.headers ?? {}), authorization: `Bearer ${adminKey}` } });
    },
  } as unknown as TestApp;
  const made = await candidateWithEverything(h, 'logs');
  // Failures log too: a bad scorecard and a malformed map carrying personal text.
  await h.request({ method: 'POST', url: `/v1/applications/${made.application.id}/scorecards`, payload: { interviewer_id: made.interviewer.id, stage: 'screen', recommendation: 'yes', scores: [{ dimension_key: 'thinking', score: 9, evidence: PERSONAL.evidence }] } });
  await h.request({ method: 'POST', url: '/v1/knowledge-maps', payload: { framework_id: made.map.framework_id, candidate_id: made.candidate.id, format: 'opml', text: `<opml><body><outline text="${PERSONAL.mapNode}"></body>` } });
  await h.request({ method: 'GET', url: `/v1/candidates/${made.candidate.id}` });
  await h.request({ method: 'DELETE', url: `/v1/candidates/${made.candidate.id}` });

  const all = lines.join('');
  t.ok(lines.length > 20, 'requests were logged');
  for (const [field, value] of Object.entries(PERSONAL)) t.notOk(all.includes(value), `no ${field} in the logs`);
});
