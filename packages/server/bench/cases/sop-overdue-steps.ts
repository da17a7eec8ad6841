import Fastify from 'fastify';
import { sql, type Insertable } from 'kysely';
import type { SopStep } from '@sellerops/schemas';
import type { Db, SopRunStepsTable, SopRunsTable } from '../../src/db/database.ts';
import type { ServiceContext } from '../../src/lib/context.ts';
import { ID_PREFIX, newId } from '../../src/lib/ids.ts';
import { plannedDueDates } from '../../src/modules/sops/dag.ts';
import { addDays, todayUtc } from '../../src/modules/sops/dates.ts';
import { installFromLibrary } from '../../src/modules/sops/library.service.ts';
import { insertMember } from '../../src/modules/workspace/workspace.repository.ts';
import { defineCase } from '../lib/case.ts';
import { startOurs } from '../lib/ours.ts';
import { systemContext } from '../../src/lib/context.ts';

const RUNS = 2_000;
const PAGE = 100;
const ROLES = ['operator', 'manager', 'purchasing', 'copywriter', 'designer', 'logistics', 'customer_service', 'finance'];

/**
 * 2,000 runs of the product lifecycle SOP (24,000 steps), started over the last 120
 * days, each at its own stage, one in twenty cancelled. What a lead asks every
 * morning: which steps are overdue, and who holds them.
 */
async function seed(db: Db, ctx: ServiceContext): Promise<void> {
  const assignees: Record<string, string> = {};
  for (const role of ROLES) {
    const member = await insertMember(db, { workspace_id: ctx.workspaceId, id: newId(ID_PREFIX.member), name: `Bench ${role}`, email: `${role}@bench.example.com`, role: 'operator', title: role });
    assignees[role] = member.id;
  }
  const template = await installFromLibrary(ctx, 'product_lifecycle', {});
  const version = await db.selectFrom('sop_template_versions').select('id').where('workspace_id', '=', ctx.workspaceId).where('template_id', '=', template.id).executeTakeFirstOrThrow();
  const steps = template.steps as SopStep[];
  const today = todayUtc();

  const runs: Insertable<SopRunsTable>[] = [];
  const stepRows: Insertable<SopRunStepsTable>[] = [];
  for (let i = 0; i < RUNS; i++) {
    const id = newId(ID_PREFIX.sop_run);
    const start = addDays(today, -(i % 120));
    const due = plannedDueDates(steps, start);
    const doneCount = i % steps.length;
    runs.push({
      workspace_id: ctx.workspaceId,
      id,
      template_id: template.id,
      template_version_id: version.id,
      template_version: 1,
      template_key: template.key,
      title: `${template.name}: product B0BENCH${i}`,
      subject_type: 'product',
      subject_id: `B0BENCH${i}`,
      start_date: start,
      due_date: [...due.values()].sort().at(-1)!,
      status: i % 20 === 0 ? 'cancelled' : 'active',
    });
    steps.forEach((step, position) => {
      stepRows.push({
        workspace_id: ctx.workspaceId,
        run_id: id,
        key: step.key,
        position,
        title: step.title,
        default_role: step.default_role,
        depends_on: step.depends_on,
        assignee_id: assignees[step.default_role]!,
        due_date: due.get(step.key)!,
        status: position < doneCount ? 'done' : 'todo',
      });
    });
  }
  for (let i = 0; i < runs.length; i += 500) await db.insertInto('sop_runs').values(runs.slice(i, i + 500)).execute();
  for (let i = 0; i < stepRows.length; i += 1_000) await db.insertInto('sop_run_steps').values(stepRows.slice(i, i + 1_000)).execute();
  await sql`analyze sop_runs, sop_run_steps`.execute(db);
}

/** The same question in hand-written SQL: what the least code able to answer it runs. */
async function overdueBySql(db: Db, workspaceId: string, today: string) {
  const result = await sql`
    select s.run_id, r.title as run_title, r.template_id, r.subject_type, r.subject_id,
           s.key, s.position, s.title, s.default_role, s.depends_on, s.assignee_id, s.status, s.due_date,
           s.block_reason, s.skip_reason, s.data, s.notes, s.started_at, s.finished_at, s.updated_at,
           array(
             select d from unnest(s.depends_on) as d
             where not exists (
               select 1 from sop_run_steps o
               where o.workspace_id = s.workspace_id and o.run_id = s.run_id and o.key = d and o.status in ('done', 'skipped')
             )
           ) as waiting_on
    from sop_run_steps s
    join sop_runs r on r.workspace_id = s.workspace_id and r.id = s.run_id
    where s.workspace_id = ${workspaceId} and r.status = 'active'
      and s.status in ('todo', 'in_progress', 'blocked') and s.due_date < ${today}
    order by s.due_date, s.run_id, s.position
    limit ${PAGE}`.execute(db);
  return result.rows;
}

export default defineCase({
  title: `GET /v1/sop-run-steps?overdue=true (first ${PAGE} of the overdue steps of ${RUNS.toLocaleString('en')} runs, through the whole app) vs a bare route running the same hand-written SQL`,
  unit: 'req/s',
  target: 0.5,
  async serve({ database }) {
    const { app: ours, url: oursUrl, headers, workspaceId } = await startOurs(database);
    await seed(database.db, systemContext(database.db, workspaceId));
    const path = `/v1/sop-run-steps?overdue=true&limit=${PAGE}`;

    const baseline = Fastify({ logger: false });
    baseline.get('/v1/sop-run-steps', async () => ({ object: 'list', data: await overdueBySql(database.db, workspaceId, todayUtc()) }));
    const baselineUrl = await baseline.listen({ port: 0, host: '127.0.0.1' });

    // Both sides must answer the same question: compare which steps they list.
    type Listed = { data: Array<{ run_id: string; key: string }> };
    const read = async (url: string): Promise<Listed> => {
      let response = await fetch(url, { headers });
      // Seeding keeps the event loop busy; load shedding answers 503 until its delay sample settles.
      for (let attempt = 0; response.status === 503 && attempt < 40; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        response = await fetch(url, { headers });
      }
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as Listed;
    };
    const oursPage = await read(`${oursUrl}${path}`);
    const basePage = await read(`${baselineUrl}${path}`);
    const keys = (page: Listed) => page.data.map((s) => `${s.run_id}/${s.key}`).join(',');
    if (oursPage.data.length !== PAGE || keys(oursPage) !== keys(basePage)) {
      throw new Error(`ours and the baseline list different steps (${oursPage.data.length} vs ${basePage.data.length})`);
    }

    return {
      ours: { url: `${oursUrl}${path}`, headers },
      baseline: { url: `${baselineUrl}${path}`, headers },
      async close() {
        await Promise.all([ours.close(), baseline.close()]);
      },
    };
  },
});
