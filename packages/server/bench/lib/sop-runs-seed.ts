import { sql, type Insertable } from 'kysely';
import type { SopStep } from '@sellerops/schemas';
import type { Db, SopRunStepsTable, SopRunsTable } from '../../src/db/database.ts';
import type { ServiceContext } from '../../src/lib/context.ts';
import { ID_PREFIX, newId } from '../../src/lib/ids.ts';
import { plannedDueDates } from '../../src/modules/sops/dag.ts';
import { addDays, todayUtc } from '../../src/modules/sops/dates.ts';
import { installFromLibrary } from '../../src/modules/sops/library.service.ts';
import { insertMember } from '../../src/modules/workspace/workspace.repository.ts';

export const RUNS = 2_000;
const ROLES = ['operator', 'manager', 'purchasing', 'copywriter', 'designer', 'logistics', 'customer_service', 'finance'];

/**
 * 2,000 runs of the product lifecycle SOP (24,000 steps), started over the last 120
 * days, each at its own stage, one in twenty cancelled. What a lead asks every
 * morning: which steps are overdue, and who holds them.
 */
export async function seedSopRuns(db: Db, ctx: ServiceContext): Promise<void> {
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

