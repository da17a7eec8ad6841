import Fastify from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../../src/db/database.ts';
import { todayUtc } from '../../src/modules/sops/dates.ts';
import { defineCase } from '../lib/case.ts';
import { startOurs } from '../lib/ours.ts';
import { RUNS, seedSopRuns } from '../lib/sop-runs-seed.ts';
import { systemContext } from '../../src/lib/context.ts';

const PAGE = 100;

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
    await seedSopRuns(database.db, systemContext(database.db, workspaceId));
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
