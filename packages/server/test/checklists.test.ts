import t from 'tap';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from './helpers/index.ts';
import { makeMember } from './helpers/factories.ts';
import { addDays, todayUtc } from '../src/modules/sops/dates.ts';

async function makeChecklist(h: TestApp, body: Record<string, unknown>) {
  const res = await h.request({ method: 'POST', url: '/v1/checklists', payload: { title: 'Check orders', cadence: 'daily', ...body } });
  if (res.statusCode !== 201) throw new Error(`makeChecklist: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; version: number };
}

const tasksOf = async (h: TestApp, query: string) => {
  const res = await h.request({ method: 'GET', url: `/v1/checklist-tasks?${query}` });
  if (res.statusCode !== 200) throw new Error(`tasks: ${res.statusCode} ${res.body}`);
  return res.json().data as Array<{ id: string; checklist_id: string; due_date: string; status: string; assignee_id: string; on_time: boolean | null; overdue: boolean; value: unknown; note: string | null }>;
};

const isoWeekday = (date: string) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

t.test('POST /v1/checklists checks the schedule, the range, the record field and the assignee', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const member = await makeMember(h);
  const post = (body: Record<string, unknown>) => h.request({ method: 'POST', url: '/v1/checklists', payload: { title: 'X', assignee_id: member.id, ...body } });

  const ok = await post({ cadence: 'weekly', weekday: 1, subject: { type: 'product', id: 'B0ASIN' }, record: { key: 'acos', label: 'ACoS', type: 'number', required: true, unit: '%' }, active_from: '2026-01-05' });
  t.equal(ok.statusCode, 201);
  t.match(ok.json(), { object: 'checklist', cadence: 'weekly', weekday: 1, day_of_month: null, assignee_id: member.id, active_from: '2026-01-05', active_until: null, subject: { type: 'product', id: 'B0ASIN' } });

  t.same((await post({ cadence: 'weekly' })).json().errors, [{ path: '/body/weekday', message: 'is required for a weekly checklist' }]);
  t.same((await post({ cadence: 'daily', day_of_month: 3 })).json().errors, [{ path: '/body/day_of_month', message: 'is only for a monthly checklist' }]);
  t.same((await post({ cadence: 'daily', active_from: '2026-02-01', active_until: '2026-01-31' })).json().errors, [{ path: '/body/active_until', message: 'is before active_from (2026-02-01)' }]);
  t.equal((await post({ cadence: 'daily', record: { key: 'x', label: 'X', type: 'choice', required: true } })).json().errors[0].path, '/body/record/options');
  t.equal((await post({ cadence: 'daily', assignee_id: 'mem_01NOSUCHMEMBER' })).statusCode, 422);
  t.equal((await post({ cadence: 'monthly', day_of_month: 32 })).statusCode, 400);
});

t.test('GET /v1/checklist-tasks creates the period occurrences by cadence', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const member = await makeMember(h);
  const other = await makeMember(h);
  const daily = await makeChecklist(h, { assignee_id: member.id, active_from: '2027-01-01' });
  const weekly = await makeChecklist(h, { title: 'Ad data', cadence: 'weekly', weekday: 1, assignee_id: member.id, active_from: '2027-01-01' });
  const monthly = await makeChecklist(h, { title: 'Returns', cadence: 'monthly', day_of_month: 31, assignee_id: other.id, active_from: '2027-01-01' });
  await makeChecklist(h, { title: 'Ended', assignee_id: member.id, active_from: '2027-01-01', active_until: '2027-01-31' });
  await makeChecklist(h, { title: 'Later', assignee_id: member.id, active_from: '2027-03-01' });

  // Wednesday 10 February 2027: its week starts on Monday the 8th; February has 28 days.
  const tasks = await tasksOf(h, 'date=2027-02-10');
  t.same(
    tasks.map((x) => [x.checklist_id, x.due_date]).sort(),
    [
      [daily.id, '2027-02-10'],
      [weekly.id, '2027-02-08'],
      [monthly.id, '2027-02-28'],
    ].sort(),
    'inactive checklists have no occurrence',
  );
  t.same(tasks.map((x) => x.status), ['open', 'open', 'open']);
  t.same((await tasksOf(h, `date=2027-02-10&assignee_id=${other.id}`)).map((x) => x.checklist_id), [monthly.id]);
  t.same((await tasksOf(h, `date=2027-02-11&checklist_id=${weekly.id}`)).map((x) => x.due_date), ['2027-02-08'], 'the same weekly occurrence all week');
  const rows = await sql<{ n: number }>`select count(*)::int as n from checklist_tasks`.execute(h.app.db);
  t.equal(rows.rows[0]!.n, 3, 'one daily, one weekly, one monthly: asking for one checklist on the 11th created nothing else');
});

t.test('concurrent requests create each occurrence exactly once', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const member = await makeMember(h);
  for (let i = 0; i < 5; i++) await makeChecklist(h, { title: `Daily ${i}`, assignee_id: member.id, active_from: '2026-01-01' });
  await makeChecklist(h, { title: 'Weekly', cadence: 'weekly', weekday: 3, assignee_id: member.id, active_from: '2026-01-01' });

  const responses = await Promise.all(Array.from({ length: 12 }, () => h.request({ method: 'GET', url: '/v1/checklist-tasks?date=2026-06-17' })));
  t.same(responses.map((r) => r.statusCode), Array(12).fill(200));
  const idSets = responses.map((r) => r.json().data.map((x: { id: string }) => x.id).sort().join(','));
  t.equal(new Set(idSets).size, 1, 'every response lists the same tasks');
  t.equal(responses[0]!.json().data.length, 6);
  const rows = await sql<{ n: number; distinct_keys: number }>`
    select count(*)::int as n, count(distinct (checklist_id, due_date))::int as distinct_keys from checklist_tasks`.execute(h.app.db);
  t.same(rows.rows[0], { n: 6, distinct_keys: 6 }, 'six rows, one per occurrence');
});

t.test('PATCH /v1/checklist-tasks/{id} completes with a note and a checked value, and reopens', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const member = await makeMember(h);
  const today = todayUtc();
  const checklist = await makeChecklist(h, { assignee_id: member.id, active_from: addDays(today, -5), record: { key: 'orders', label: 'Orders yesterday', type: 'number', required: true } });
  const [task] = await tasksOf(h, `date=${today}`);
  t.equal(task!.checklist_id, checklist.id);

  const missing = await h.request({ method: 'PATCH', url: `/v1/checklist-tasks/${task!.id}`, payload: { status: 'done' } });
  t.equal(missing.statusCode, 422);
  t.same(missing.json().errors, [{ path: '/body/value', message: 'is required (Orders yesterday)' }]);
  const wrong = await h.request({ method: 'PATCH', url: `/v1/checklist-tasks/${task!.id}`, payload: { status: 'done', value: 'many' } });
  t.same(wrong.json().errors, [{ path: '/body/value', message: 'must be a number' }]);

  const done = await h.request({ method: 'PATCH', url: `/v1/checklist-tasks/${task!.id}`, headers: { 'if-match': '"1"' }, payload: { status: 'done', value: 42, note: 'Prime day spike' } });
  t.equal(done.statusCode, 200);
  t.match(done.json(), { status: 'done', value: 42, note: 'Prime day spike', on_time: true, overdue: false, version: 2 });
  t.ok(done.json().completed_at);
  t.equal(done.headers.etag, '"2"');

  const [old] = await tasksOf(h, `date=${addDays(today, -3)}`);
  t.equal(old!.overdue, true, 'an open task of an earlier day is overdue');
  const late = await h.request({ method: 'PATCH', url: `/v1/checklist-tasks/${old!.id}`, payload: { status: 'done', value: 7 } });
  t.match(late.json(), { on_time: false, overdue: false }, 'completed after its day: late');

  const reopened = await h.request({ method: 'PATCH', url: `/v1/checklist-tasks/${task!.id}`, payload: { status: 'open' } });
  t.match(reopened.json(), { status: 'open', value: null, completed_at: null, on_time: null, note: 'Prime day spike' });
});

t.test('reassigning a checklist hands over open occurrences from today and keeps the past with its holder', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const first = await makeMember(h, { name: 'First' });
  const second = await makeMember(h, { name: 'Second' });
  const today = todayUtc();
  const checklist = await makeChecklist(h, { assignee_id: first.id, active_from: addDays(today, -2) });
  const [todays] = await tasksOf(h, `date=${today}`);
  const res = await h.request({ method: 'PATCH', url: `/v1/checklists/${checklist.id}`, payload: { assignee_id: second.id, title: 'Check orders (EU)' } });
  t.equal(res.statusCode, 200);
  t.match(res.json(), { assignee_id: second.id, title: 'Check orders (EU)', version: 2 });
  t.equal((await h.request({ method: 'GET', url: `/v1/checklist-tasks/${todays!.id}` })).json().assignee_id, second.id, "today's open task moved");

  const report = (await h.request({ method: 'GET', url: `/v1/checklists/completion?from=${addDays(today, -2)}&to=${today}` })).json();
  t.same(
    report.groups.map((g: { label: string; expected: number; missed: number; pending: number }) => [g.label, g.expected, g.missed, g.pending]).sort(),
    [
      ['First', 2, 2, 0],
      ['Second', 1, 0, 1],
    ],
    'the two missed days stay with the first assignee',
  );
  const schedule = await h.request({ method: 'PATCH', url: `/v1/checklists/${checklist.id}`, payload: { cadence: 'weekly' } });
  t.equal(schedule.statusCode, 400, 'the schedule cannot be edited');
});

t.test('GET /v1/checklists/completion matches a hand-computed case', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const ann = await makeMember(h, { name: 'Ann' });
  const bob = await makeMember(h, { name: 'Bob' });
  const T = todayUtc();
  // Ann: daily from T-3, so due T-3, T-2, T-1, T. Bob: weekly on the weekday of T-1, so due once in T-6..T.
  const daily = await makeChecklist(h, { title: 'Orders', assignee_id: ann.id, active_from: addDays(T, -3) });
  const weekly = await makeChecklist(h, { title: 'Ads', cadence: 'weekly', weekday: isoWeekday(addDays(T, -1)), assignee_id: bob.id, active_from: addDays(T, -13) });

  const complete = async (date: string) => {
    const [task] = await tasksOf(h, `date=${date}&checklist_id=${daily.id}`);
    const res = await h.request({ method: 'PATCH', url: `/v1/checklist-tasks/${task!.id}`, payload: { status: 'done' } });
    t.equal(res.statusCode, 200);
  };
  await complete(addDays(T, -2)); // late
  await complete(T); // on time
  // T-3 and T-1 (Ann) and Bob's T-1 were never opened: missed all the same.

  const byAssignee = (await h.request({ method: 'GET', url: `/v1/checklists/completion?from=${addDays(T, -6)}&to=${T}&group_by=assignee` })).json();
  t.match(byAssignee, { object: 'checklist_completion', from: addDays(T, -6), to: T, group_by: 'assignee' });
  t.same(byAssignee.groups.sort((a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label)), [
    { key: ann.id, label: 'Ann', expected: 4, done: 2, on_time: 1, late: 1, missed: 2, pending: 0, on_time_rate: 0.25 },
    { key: bob.id, label: 'Bob', expected: 1, done: 0, on_time: 0, late: 0, missed: 1, pending: 0, on_time_rate: 0 },
  ]);
  t.same(byAssignee.totals, { expected: 5, done: 2, on_time: 1, late: 1, missed: 3, pending: 0, on_time_rate: 0.2 });

  const byDay = (await h.request({ method: 'GET', url: `/v1/checklists/completion?from=${addDays(T, -6)}&to=${T}&group_by=day` })).json();
  t.same(
    byDay.groups.map((g: { key: string; expected: number; done: number; on_time: number; missed: number }) => [g.key, g.expected, g.done, g.on_time, g.missed]),
    [
      [addDays(T, -3), 1, 0, 0, 1],
      [addDays(T, -2), 1, 1, 0, 0],
      [addDays(T, -1), 2, 0, 0, 2],
      [T, 1, 1, 1, 0],
    ],
  );

  const byChecklist = (await h.request({ method: 'GET', url: `/v1/checklists/completion?from=${addDays(T, -6)}&to=${T}&group_by=checklist` })).json();
  t.same(
    byChecklist.groups.map((g: { key: string; label: string; expected: number }) => [g.key, g.label, g.expected]).sort(),
    [
      [daily.id, 'Orders', 4],
      [weekly.id, 'Ads', 1],
    ].sort(),
  );

  const empty = (await h.request({ method: 'GET', url: `/v1/checklists/completion?from=${addDays(T, -30)}&to=${addDays(T, -20)}` })).json();
  t.same(empty.totals, { expected: 0, done: 0, on_time: 0, late: 0, missed: 0, pending: 0, on_time_rate: null }, 'nothing due: the rate is null, not zero');
  const backwards = await h.request({ method: 'GET', url: `/v1/checklists/completion?from=${T}&to=${addDays(T, -1)}` });
  t.equal(backwards.statusCode, 422);
  const tooLong = await h.request({ method: 'GET', url: `/v1/checklists/completion?from=2024-01-01&to=2026-01-01` });
  t.equal(tooLong.statusCode, 422);
});
