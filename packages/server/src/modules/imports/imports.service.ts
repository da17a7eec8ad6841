import type { FactBatchResult, FactFamily, Import, ImportRowError, ReportType } from '@sellerops/schemas';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/database.ts';
import { recordChange } from '../../lib/audit.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { InvalidInput, NotFound } from '../../lib/errors.ts';
import { assertSellerAccount } from '../metrics/seller-accounts.ts';
import { ID_PREFIX, newId } from '../../lib/ids.ts';
import { decodeCursor, DEFAULT_PAGE_SIZE, toPage, type Page } from '../../lib/pagination.ts';
import { FactBatchRefused, ingestFacts } from '../metrics/facts.service.ts';
import { evaluateAfterFacts } from '../alerts/evaluate.service.ts';
import { findOrCreateProducts, productKeyOf, type ProductKey } from '../metrics/products.service.ts';
import { productProblem, toFactRow, type FactRowInput } from './fact-rows.ts';
import { toImport } from './imports.mapping.ts';
import * as repo from './imports.repository.ts';
import { openReport, type ReportBatch, type RowFact } from './read-report.ts';
import type { SpooledFile } from './spool.ts';

/** Errors kept on an import: enough to fix a file, small enough to read. */
const MAX_STORED_ERRORS = 1000;
/** Errors shown in the problem of an all-or-nothing import that was refused. */
const MAX_PROBLEM_ERRORS = 100;

export interface ImportParams {
  type?: ReportType | undefined;
  marketplace?: string | undefined;
  seller_account_id?: string | undefined;
  date?: string | undefined;
  all_or_nothing: boolean;
  filename: string | null;
  batchRows?: number;
}

/** Counts and errors of one import, kept as the file is read. */
class Tally {
  rowsRead = 0;
  rowsSkipped = 0;
  inserted = 0;
  updated = 0;
  unchanged = 0;
  errors: ImportRowError[] = [];
  errorCount = 0;
  private readonly rejectedRows = new Set<number>();
  /** Rows rejected in batches already counted. */
  private rejectedBefore = 0;

  get rowsRejected(): number {
    return this.rejectedBefore + this.rejectedRows.size;
  }

  reject(error: ImportRowError): void {
    this.rejectedRows.add(error.row);
    this.errorCount += 1;
    if (this.errors.length < MAX_STORED_ERRORS) this.errors.push(error);
  }

  /** Rows are numbered in file order, so a batch's rejected rows never meet a later batch's. */
  closeBatch(): void {
    this.rejectedBefore += this.rejectedRows.size;
    this.rejectedRows.clear();
  }
}

/**
 * Writes one batch of facts: finds or creates the products the facts name (one
 * statement for the batch), then hands each family's rows to the facts service,
 * which upserts them set-based. Rows the service refuses become the file rows'
 * errors.
 */
async function writeBatch(ctx: ServiceContext, facts: RowFact[], params: ImportParams, tally: Tally, mode: 'skip_invalid' | 'all_or_nothing', touched: Touched): Promise<void> {
  const valid: RowFact[] = [];
  for (const fact of facts) {
    const problem = productProblem(fact);
    if (problem) tally.reject({ row: fact.row, column: problem.column, reason: problem.reason });
    else valid.push(fact);
  }
  const keys: ProductKey[] = valid.flatMap((f) =>
    f.product ? [{ marketplace: f.marketplace, asin: f.product.asin!, sku: f.product.sku, parent_asin: f.product.parent_asin ?? null, title: f.product.title?.slice(0, 500) || null, seller_account_id: params.seller_account_id ?? null }] : [],
  );
  const productIds = keys.length > 0 ? await findOrCreateProducts(ctx, keys) : new Map<string, string>();

  const byFamily = new Map<FactFamily, { rows: FactRowInput[]; facts: RowFact[] }>();
  for (const fact of valid) {
    const productId = fact.product ? productIds.get(productKeyOf({ marketplace: fact.marketplace, asin: fact.product.asin!, sku: fact.product.sku })) ?? null : null;
    const { family, row } = toFactRow(fact, productId, params.seller_account_id ?? null);
    const group = byFamily.get(family) ?? { rows: [], facts: [] };
    group.rows.push(row);
    group.facts.push(fact);
    byFamily.set(family, group);
  }
  for (const [family, group] of byFamily) {
    let result: FactBatchResult;
    try {
      result = await ingestFacts(ctx, { family, rows: group.rows, mode, touched: touched.products });
      touched.families.add(family);
    } catch (err) {
      if (!(err instanceof FactBatchRefused)) throw err;
      for (const r of err.rejected) for (const e of r.errors) tally.reject({ row: group.facts[r.row]!.row, column: e.path.replace(/^\//, '') || null, reason: e.message });
      continue;
    }
    tally.inserted += result.inserted;
    tally.updated += result.updated;
    tally.unchanged += result.unchanged;
    for (const r of result.rejected) for (const e of r.errors) tally.reject({ row: group.facts[r.row]!.row, column: e.path.replace(/^\//, '') || null, reason: e.message });
  }
}

/** What the import wrote facts about: the alert rules look at these once the file is written. */
interface Touched {
  products: Set<string>;
  families: Set<FactFamily>;
}

function account(tally: Tally, batch: ReportBatch): void {
  tally.rowsRead += batch.rowsRead;
  tally.rowsSkipped += batch.rowsSkipped;
  for (const error of batch.errors) tally.reject(error);
}

/**
 * Imports a report file: reads it in batches (5,000 rows by default), writes each
 * batch's facts and products, and records the import, all in one transaction. A file
 * that cannot be read to its end, or an all-or-nothing import with a rejected row,
 * changes nothing. The same file imported twice writes the same facts again, which
 * the upsert leaves untouched.
 */
export async function runImport(ctx: ServiceContext, file: SpooledFile, params: ImportParams): Promise<Import> {
  const started = Date.now();
  await assertSellerAccount(ctx, params.seller_account_id, '/body/seller_account_id');
  const opened = await openReport(file.open(), { type: params.type, marketplace: params.marketplace, date: params.date, filename: params.filename ?? undefined, batchRows: params.batchRows });
  const mode = params.all_or_nothing ? 'all_or_nothing' : 'skip_invalid';
  const committed: Array<() => void> = [];

  const row = await (ctx.db as Kysely<DB>).transaction().execute(async (trx) => {
    const tctx: ServiceContext = { ...ctx, db: trx, afterCommit: (fn) => committed.push(fn) };
    const productsBefore = await repo.countProducts(trx, ctx.workspaceId);
    const tally = new Tally();
    const touched: Touched = { products: new Set(), families: new Set() };
    for await (const batch of opened.batches) {
      account(tally, batch);
      // All or nothing: once a row is rejected nothing more is written; the rest is read only to report every error.
      if (!(params.all_or_nothing && tally.errorCount > 0)) await writeBatch(tctx, batch.facts, params, tally, mode, touched);
      tally.closeBatch();
    }
    if (params.all_or_nothing && tally.errorCount > 0) {
      const shown = tally.errors.slice(0, MAX_PROBLEM_ERRORS);
      throw new InvalidInput(
        `${tally.rowsRejected} of ${tally.rowsRead} rows were rejected, so nothing was imported (all_or_nothing).${tally.errorCount > shown.length ? ` The first ${shown.length} errors are listed.` : ''}`,
        shown.map((e) => ({ path: `/file/row/${e.row}${e.column ? `/${e.column}` : ''}`, message: e.reason })),
        'import_rows_rejected',
      );
    }
    // Once, over the whole file: a product's facts may span batches.
    await evaluateAfterFacts(tctx, touched.families, touched.products);
    const productsCreated = (await repo.countProducts(trx, ctx.workspaceId)) - productsBefore;
    tally.errors.sort((a, b) => a.row - b.row); // a batch reports its reading errors before its writing errors
    const rowsRejected = tally.rowsRejected;
    const inserted = await repo.insertImport(trx, {
      workspace_id: ctx.workspaceId,
      id: newId(ID_PREFIX.import),
      type: opened.type,
      format: opened.format,
      filename: params.filename,
      file_bytes: file.bytes,
      file_sha256: file.sha256,
      marketplace: opened.marketplace,
      seller_account_id: params.seller_account_id ?? null,
      date: params.date ?? null,
      mode,
      status: rowsRejected > 0 ? 'completed_with_errors' : 'completed',
      rows_read: tally.rowsRead,
      rows_accepted: tally.rowsRead - rowsRejected - tally.rowsSkipped,
      rows_rejected: rowsRejected,
      rows_skipped: tally.rowsSkipped,
      facts_inserted: tally.inserted,
      facts_updated: tally.updated,
      facts_unchanged: tally.unchanged,
      products_created: productsCreated,
      unknown_columns: JSON.stringify(opened.unknownColumns),
      errors: JSON.stringify(tally.errors),
      errors_truncated: tally.errorCount > tally.errors.length,
      duration_ms: Date.now() - started,
      completed_at: new Date(),
    });
    const summary = toImport(inserted);
    const { errors: _errors, ...after } = summary;
    await recordChange(tctx, { action: 'import.completed', objectType: 'import', objectId: summary.id, after });
    return inserted;
  });
  for (const fn of committed) fn();
  return toImport(row);
}

export async function getImport(ctx: ServiceContext, id: string): Promise<Import> {
  const row = await repo.findImport(ctx.db, ctx.workspaceId, id);
  if (!row) throw new NotFound('Import', id);
  return toImport(row);
}

export async function listImports(ctx: ServiceContext, filter: repo.ImportFilter, page: { limit?: number | undefined; cursor?: string | undefined }): Promise<Page<Import>> {
  const limit = page.limit ?? DEFAULT_PAGE_SIZE;
  const after = page.cursor ? decodeCursor(page.cursor, repo.IMPORT_SORT) : null;
  const rows = await repo.listImports(ctx.db, ctx.workspaceId, filter, { limit, after });
  return toPage(rows, limit, (r) => [r.id], toImport);
}
