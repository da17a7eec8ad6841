import { Type, type Static } from '@sinclair/typebox';
import { DateSchema, ListSchema, Ref, StringEnum, TimestampSchema, objectBase, pageQuery } from './common.ts';
import { MarketplaceInputSchema, MarketplaceSchema } from './metrics.ts';

/** Every Amazon report an import reads. */
export const REPORT_TYPES = [
  'business_report_by_child',
  'business_report_by_date',
  'sp_search_term',
  'sp_advertised_product',
  'sp_targeting',
  'fba_inventory',
  'afn_inventory',
  'fba_customer_returns',
  'all_orders',
  'sp_api_sales_and_traffic',
] as const;
export type ReportType = (typeof REPORT_TYPES)[number];
export const ReportTypeSchema = StringEnum(REPORT_TYPES, { description: 'The Amazon report the file is (see docs/metrics.md, Imports)' });

export const IMPORT_FORMATS = ['csv', 'tsv', 'xlsx', 'json'] as const;
export const IMPORT_MODES = ['skip_invalid', 'all_or_nothing'] as const;
export const IMPORT_STATUSES = ['completed', 'completed_with_errors'] as const;

export const ImportRowErrorSchema = Type.Object(
  {
    row: Type.Integer({ minimum: 1, description: 'Row of the file as a spreadsheet numbers it (the header is row 1); for JSON, the element number' }),
    column: Type.Union([Type.String(), Type.Null()], { description: 'The column as the file spells it (a JSON path for JSON), or null for the whole row' }),
    reason: Type.String(),
  },
  { $id: 'ImportRowError', additionalProperties: false },
);
export type ImportRowError = Static<typeof ImportRowErrorSchema>;

export const ImportSchema = Type.Object(
  {
    ...objectBase('import'),
    type: ReportTypeSchema,
    format: StringEnum(IMPORT_FORMATS),
    filename: Type.Union([Type.String(), Type.Null()]),
    file_bytes: Type.Integer({ minimum: 0 }),
    file_sha256: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'Hash of the file: the same file imported twice has the same hash (and changes nothing the second time)' }),
    marketplace: MarketplaceSchema,
    seller_account_id: Type.Union([Type.String(), Type.Null()]),
    date: Type.Union([DateSchema, Type.Null()], { description: 'The day given for a report without a date column' }),
    mode: StringEnum(IMPORT_MODES),
    status: StringEnum(IMPORT_STATUSES, { description: 'completed: every row read was written or skipped; completed_with_errors: some rows were rejected (see errors), the others written' }),
    rows_read: Type.Integer({ minimum: 0, description: 'Data rows in the file (for JSON, elements of its arrays)' }),
    rows_accepted: Type.Integer({ minimum: 0, description: 'Rows whose facts were written' }),
    rows_rejected: Type.Integer({ minimum: 0, description: 'Rows refused, each with its reasons in errors' }),
    rows_skipped: Type.Integer({ minimum: 0, description: 'Rows that carry no fact: totals, repeats, cancelled orders, orders of another marketplace' }),
    facts_inserted: Type.Integer({ minimum: 0 }),
    facts_updated: Type.Integer({ minimum: 0 }),
    facts_unchanged: Type.Integer({ minimum: 0, description: 'Facts already stored with the same values' }),
    products_created: Type.Integer({ minimum: 0, description: 'Products seen for the first time, added to the catalog' }),
    unknown_columns: Type.Array(Type.String(), { description: 'Columns of the file the import does not know; their values were not read' }),
    errors: Type.Array(Ref(ImportRowErrorSchema), { description: 'Per-row errors, in file order (the first 1,000)' }),
    errors_truncated: Type.Boolean({ description: 'True when there were more errors than listed' }),
    duration_ms: Type.Integer({ minimum: 0 }),
    completed_at: TimestampSchema,
  },
  { $id: 'Import', additionalProperties: false, description: "An import of one of Amazon's report files" },
);
export type Import = Static<typeof ImportSchema>;

/**
 * The multipart form of POST /v1/imports. Send the fields before or after the file;
 * the file part is named `file`.
 */
export const ImportCreateSchema = Type.Object(
  {
    file: Type.String({ format: 'binary', description: 'The report file: CSV, TSV, XLSX or JSON' }),
    type: Type.Optional(ReportTypeSchema),
    marketplace: Type.Optional(MarketplaceInputSchema),
    seller_account_id: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    date: Type.Optional(DateSchema),
    period: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}(\\.\\.|/)\\d{4}-\\d{2}-\\d{2}$', description: 'FROM..TO (or FROM/TO): the period a report without a date column covers; it must be one day' })),
    all_or_nothing: Type.Optional(Type.Boolean({ default: false, description: 'Refuse the whole file (and write nothing) if any row is rejected' })),
  },
  { $id: 'ImportCreate', additionalProperties: false },
);
export type ImportCreate = Static<typeof ImportCreateSchema>;

export const ImportListSchema = ListSchema(Ref(ImportSchema), 'ImportList');
export const ImportListQuerySchema = pageQuery({
  type: Type.Optional(ReportTypeSchema),
  status: Type.Optional(StringEnum(IMPORT_STATUSES)),
  marketplace: Type.Optional(MarketplaceInputSchema),
});

export const IMPORT_SCHEMAS = [ImportRowErrorSchema, ImportSchema, ImportCreateSchema, ImportListSchema];
