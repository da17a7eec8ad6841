import { sql } from 'kysely';
import t from 'tap';
import { recordChanges } from '../src/lib/audit.ts';
import type { ServiceContext } from '../src/lib/context.ts';
import { createTestApp } from './helpers/index.ts';

// A large apply records one change per resource. 7,000 changes of 11 columns are more
// bind parameters than one multi-row VALUES list may carry (65,535): found by killing
// the server mid-apply and applying the same 8,000 resources again.
t.test('thousands of changes are recorded in one statement', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const ctx = { db: h.app.db, workspaceId: h.workspaceId, actor: { keyId: null, memberId: null }, requestId: 'req_bulk' } as unknown as ServiceContext;
  const changes = Array.from({ length: 7_000 }, (_, i) => ({
    action: 'resource.created',
    objectType: 'resource',
    objectId: `res_${i}`,
    after: { key: `tool-${i}`, note: i % 2 ? 'quote " and backslash \\ kept' : null },
  }));
  await recordChanges(ctx, changes);
  const rows = await sql<{ n: number; quoted: string; nulls: number }>`
    select count(*)::int as n, max(after->>'note') as quoted, count(*) filter (where after->'note' = 'null'::jsonb)::int as nulls
      from audit_events where workspace_id = ${h.workspaceId} and request_id = 'req_bulk'`.execute(h.app.db);
  t.same(rows.rows[0], { n: 7_000, quoted: 'quote " and backslash \\ kept', nulls: 3_500 });
});
