import { FACT_ROW_SCHEMAS, type FactBatchMode, type FactBatchResult, type FactFamily, type RowError } from '@sellerops/schemas';
import { recordChange } from '../../lib/audit.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { InvalidInput } from '../../lib/errors.ts';
import { compileBodyValidator, fieldErrorOf, type ValidationIssue } from '../../lib/validator.ts';
import { FAMILIES, type FamilySpec } from './fact-families.ts';
import { upsertFacts, type FactColumns } from './facts.repository.ts';
import { normalizeMarketplace } from './marketplaces.ts';
import { findProductKeys } from './products.repository.ts';
import { findSellerAccountIds, UNKNOWN_SELLER_ACCOUNT } from './seller-accounts.ts';
import { evaluateAfterFacts } from '../alerts/evaluate.service.ts';

/** Row validators, compiled once per family when the module loads. */
const VALIDATORS = Object.fromEntries(Object.entries(FACT_ROW_SCHEMAS).map(([family, schema]) => [family, compileBodyValidator(schema)])) as Record<
  FactFamily,
  ReturnType<typeof compileBodyValidator>
>;

/** Most errors a refused batch reports: enough to fix a file, small enough to read. */
const MAX_REPORTED_ERRORS = 100;

export interface IngestRequest {
  family: FactFamily;
  /** Rows of the family's schema (TrafficSalesFact, AdsFact, ...); checked here, so parsed input may be passed as is. */
  rows: readonly unknown[];
  /** all_or_nothing: any bad row refuses the batch (FactBatchRefused) and nothing is written. skip_invalid: good rows are written. */
  mode: FactBatchMode;
  /** Collects the ids of the products whose facts were written, for the alert rules to look at. */
  touched?: Set<string>;
}

/** The batch was refused as a whole (all_or_nothing): nothing was written; `rejected` says why, row by row. */
export class FactBatchRefused extends InvalidInput {
  constructor(readonly rejected: RowError[]) {
    const shown = rejected.slice(0, MAX_REPORTED_ERRORS);
    super(
      `${rejected.length} of the rows are invalid, so none was written (mode all_or_nothing; send mode skip_invalid to write the others).` +
        (rejected.length > shown.length ? ` The first ${shown.length} are listed.` : ''),
      shown.flatMap((r) => r.errors.map((e) => ({ path: `/body/rows/${r.row}${e.path}`, message: e.message }))),
    );
  }
}

interface Subject {
  productId: string;
  marketplace: string;
  sellerAccountId: string;
}

type RawRow = Record<string, unknown> & { date: string; product_id?: string; marketplace?: string; asin?: string; sku?: string; seller_account_id?: string };

/**
 * Resolves what each row is about with one query: a product by id, by (marketplace,
 * asin, sku), by (marketplace, asin) when the ASIN has one product, or by (marketplace,
 * sku); or, with no product named, the seller account's marketplace.
 */
async function resolveSubjects(ctx: ServiceContext, spec: FamilySpec, rows: Array<RawRow | null>, reject: (i: number, path: string, message: string) => void): Promise<Array<Subject | null>> {
  const ids = new Set<string>();
  const byAsinPairs = new Map<string, [string, string]>();
  const bySkuPairs = new Map<string, [string, string]>();
  for (const row of rows) {
    if (!row) continue;
    if (row.product_id) ids.add(row.product_id);
    else if (row.marketplace && row.asin) byAsinPairs.set(`${row.marketplace}|${row.asin}`, [normalizeMarketplace(row.marketplace), row.asin]);
    else if (row.marketplace && row.sku) bySkuPairs.set(`${row.marketplace}|${row.sku}`, [normalizeMarketplace(row.marketplace), row.sku]);
  }
  const products = await findProductKeys(ctx.db, ctx.workspaceId, [...ids], [...byAsinPairs.values()], [...bySkuPairs.values()]);
  const accountIds = new Set<string>();
  for (const row of rows) if (row?.seller_account_id) accountIds.add(row.seller_account_id);
  const knownAccounts = await findSellerAccountIds(ctx.db, ctx.workspaceId, [...accountIds]);
  const byId = new Map(products.map((p) => [p.id, p]));
  const byKey = new Map(products.map((p) => [`${p.marketplace}|${p.asin}|${p.sku}`, p]));
  const byAsin = new Map<string, typeof products>();
  const bySku = new Map<string, typeof products>();
  for (const p of products) {
    byAsin.set(`${p.marketplace}|${p.asin}`, [...(byAsin.get(`${p.marketplace}|${p.asin}`) ?? []), p]);
    if (p.sku) bySku.set(`${p.marketplace}|${p.sku}`, [...(bySku.get(`${p.marketplace}|${p.sku}`) ?? []), p]);
  }

  return rows.map((row, i) => {
    if (!row) return null;
    if (row.seller_account_id && !knownAccounts.has(row.seller_account_id)) return reject(i, '/seller_account_id', UNKNOWN_SELLER_ACCOUNT), null;
    const marketplace = row.marketplace ? normalizeMarketplace(row.marketplace) : undefined;
    if (row.product_id) {
      const product = byId.get(row.product_id);
      if (!product) return reject(i, '/product_id', 'names no product of this workspace'), null;
      if (marketplace && marketplace !== product.marketplace) return reject(i, '/marketplace', `the product is sold on ${product.marketplace}`), null;
      if ((row.asin && row.asin !== product.asin) || (row.sku && row.sku !== product.sku)) return reject(i, '/product_id', 'asin or sku disagree with the product'), null;
      return { productId: product.id, marketplace: product.marketplace, sellerAccountId: '' };
    }
    if (row.asin || row.sku) {
      if (!marketplace) return reject(i, '/marketplace', 'is required to name a product by asin or sku'), null;
      let candidates: typeof products;
      if (row.asin && row.sku) candidates = [byKey.get(`${marketplace}|${row.asin}|${row.sku}`)].filter((p) => p !== undefined);
      else if (row.asin) {
        const all = byAsin.get(`${marketplace}|${row.asin}`) ?? [];
        const withoutSku = all.filter((p) => p.sku === '');
        candidates = withoutSku.length === 1 ? withoutSku : all;
      } else candidates = bySku.get(`${marketplace}|${row.sku}`) ?? [];
      if (candidates.length === 0) return reject(i, row.asin ? '/asin' : '/sku', `names no product of the catalog on ${marketplace}`), null;
      if (candidates.length > 1) return reject(i, '/sku', `the ASIN has ${candidates.length} products (SKUs) on ${marketplace}: name the SKU`), null;
      const product = candidates[0]!;
      return { productId: product.id, marketplace: product.marketplace, sellerAccountId: '' };
    }
    if (!spec.accountLevel) return reject(i, '/product_id', `a ${spec.family} fact belongs to a product: give product_id, or marketplace with asin or sku`), null;
    if (!marketplace) return reject(i, '/marketplace', 'is required for a fact of the seller account (no product named)'), null;
    return { productId: '', marketplace, sellerAccountId: row.seller_account_id ?? '' };
  });
}

/**
 * Validates and upserts a batch of daily facts of one family, set-based: one query to
 * resolve products, one INSERT ... SELECT FROM unnest per batch. Whatever the mode, a
 * row is either written whole or reported with its reasons; never a silent partial
 * write. The importer of Amazon reports calls this with its parsed rows.
 */
export async function ingestFacts(ctx: ServiceContext, request: IngestRequest): Promise<FactBatchResult> {
  const spec = FAMILIES[request.family];
  const validate = VALIDATORS[request.family];
  const errors = new Map<number, RowError['errors']>();
  const reject = (i: number, path: string, message: string) => {
    const list = errors.get(i);
    if (list) list.push({ path, message });
    else errors.set(i, [{ path, message }]);
  };

  const rows: Array<RawRow | null> = request.rows.map((row, i) => {
    if (validate(row)) return row as RawRow;
    for (const issue of (validate.errors ?? []) as ValidationIssue[]) {
      const error = fieldErrorOf(issue, '');
      reject(i, error.path, error.message);
    }
    return null;
  });
  const subjects = await resolveSubjects(ctx, spec, rows, reject);

  const columns: FactColumns = { product_id: [], marketplace: [], seller_account_id: [], date: [], dimensions: {}, measures: {}, currency: [] };
  for (const d of spec.dimensions) columns.dimensions[d] = [];
  for (const m of spec.measures) columns.measures[m.name] = [];
  const keys = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const subject = subjects[i];
    if (!row || !subject) continue;
    let currency: string | null = null;
    for (const m of spec.measures) {
      if (!m.money) continue;
      const value = row[m.name] as { currency: string } | undefined;
      if (!value) continue;
      if (currency !== null && value.currency !== currency) reject(i, `/${m.name}/currency`, `differs from the row's other amounts (${currency})`);
      currency ??= value.currency;
    }
    const dimensionValues = spec.dimensions.map((d) => (row[d] as string | undefined) ?? '');
    const key = `${subject.productId}|${subject.marketplace}|${subject.sellerAccountId}|${row.date}|${dimensionValues.join('|')}`;
    const first = keys.get(key);
    if (first !== undefined) reject(i, '', `repeats the fact of row ${first} (same subject, date${spec.dimensions.length ? ' and ' + spec.dimensions.join(', ') : ''})`);
    if (errors.has(i)) continue;
    keys.set(key, i);
    columns.product_id.push(subject.productId);
    if (subject.productId !== '') request.touched?.add(subject.productId);
    columns.marketplace.push(subject.marketplace);
    columns.seller_account_id.push(subject.sellerAccountId);
    columns.date.push(row.date);
    spec.dimensions.forEach((d, j) => columns.dimensions[d]!.push(dimensionValues[j]!));
    for (const m of spec.measures) {
      const value = row[m.name];
      columns.measures[m.name]!.push(value === undefined || value === null ? null : m.money ? (value as { amount: string }).amount : (value as number | boolean));
    }
    columns.currency.push(currency);
  }

  const rejected: RowError[] = [...errors.entries()].sort((a, b) => a[0] - b[0]).map(([row, list]) => ({ row, errors: list }));
  if (request.mode === 'all_or_nothing' && rejected.length > 0) throw new FactBatchRefused(rejected);

  const { inserted, updated } = await upsertFacts(ctx.db, ctx.workspaceId, spec, columns);
  const accepted = columns.date.length;
  const result: FactBatchResult = {
    object: 'fact_batch_result',
    family: request.family,
    mode: request.mode,
    received: request.rows.length,
    accepted,
    inserted,
    updated,
    unchanged: accepted - inserted - updated,
    rejected,
  };
  if (inserted + updated > 0) {
    const { rejected: _rows, ...summary } = result;
    await recordChange(ctx, { action: 'metric_facts.upserted', objectType: 'metric_facts', objectId: request.family, after: { ...summary, rejected: rejected.length } });
  }
  return result;
}

/**
 * POST /v1/metrics/facts: writes the batch, then evaluates the alert rules its family
 * can change for the products it touched, in the same transaction, so that a batch
 * that fails raises nothing.
 */
export async function postFacts(ctx: ServiceContext, request: Omit<IngestRequest, 'touched'>): Promise<FactBatchResult> {
  const touched = new Set<string>();
  const result = await ingestFacts(ctx, { ...request, touched });
  await evaluateAfterFacts(ctx, [request.family], touched);
  return result;
}
