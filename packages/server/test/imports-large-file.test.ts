import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import t from 'tap';
import { writeBigSearchTermReport } from './helpers/big-report.ts';
import { createTestApp } from './helpers/index.ts';
import { importForm } from './helpers/imports.ts';

t.setTimeout(900_000);

t.test('a 50 MB search term report streams through the import with the right counts', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'sellerops-50mb-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const path = join(dir, 'Sponsored Products Search term report.csv');
  const report = await writeBigSearchTermReport(path, 50 * 1024 * 1024);
  t.ok(report.bytes >= 50 * 1024 * 1024, `generated ${report.bytes} bytes, ${report.rows} rows`);

  const h = await createTestApp();
  t.teardown(h.close);
  const res = await h.request({ method: 'POST', url: '/v1/imports', ...importForm(path, { marketplace: 'US' }) });
  t.equal(res.statusCode, 201, res.body.slice(0, 500));
  const imp = res.json();
  t.match(imp, {
    type: 'sp_search_term',
    file_bytes: report.bytes,
    status: 'completed_with_errors',
    rows_read: report.rows,
    rows_rejected: report.badRows,
    rows_accepted: report.rows - report.badRows,
    facts_inserted: report.rows - report.badRows,
    errors_truncated: false,
  });
  t.equal(imp.errors.length, report.badRows);
  t.match(imp.errors[0], { row: 1001, column: 'Spend', reason: '"n/a dollars" is not a number' });
  const stored = await sql<{ n: number }>`select count(*)::int as n from metric_ads`.execute(h.app.db);
  t.equal(stored.rows[0]!.n, report.rows - report.badRows);
});
