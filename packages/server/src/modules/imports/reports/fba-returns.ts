import { parseCount, parseDate, parseText } from '../parse/values.ts';
import type { MappedRow, TableReport } from './report-type.ts';

const RETURNS_COLUMNS = {
  return_date: ['return-date', 'Return Date', 'Rücksendedatum', '返品日'],
  order_id: ['order-id', 'Order ID'],
  sku: ['sku', 'SKU'],
  asin: ['asin', 'ASIN'],
  fnsku: ['fnsku', 'FNSKU'],
  title: ['product-name', 'Product Name'],
  quantity: ['quantity', 'Quantity', 'Menge', '数量'],
  fulfillment_center: ['fulfillment-center-id', 'Fulfillment Center ID'],
  disposition: ['detailed-disposition', 'Detailed Disposition'],
  reason: ['reason', 'Reason', 'Grund', '返品理由'],
  status: ['status', 'Status'],
  license_plate: ['license-plate-number', 'License Plate Number'],
  customer_comments: ['customer-comments', 'Customer Comments'],
};
type ReturnsField = keyof typeof RETURNS_COLUMNS;

/**
 * FBA customer returns (GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA): one row per
 * returned item. Units add up per product, day and reason.
 */
export const fbaReturnsReport: TableReport<ReturnsField> = {
  type: 'fba_customer_returns',
  title: 'FBA customer returns',
  source: 'Seller Central > Reports > Fulfillment > Customer Concessions > FBA customer returns (or SP-API GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA)',
  columns: RETURNS_COLUMNS,
  required: ['return_date', 'sku', 'asin', 'quantity', 'reason'],
  ignored: [],
  needsDate: false,
  sums: true,
  exampleHeader:
    'return-date\torder-id\tsku\tasin\tfnsku\tproduct-name\tquantity\tfulfillment-center-id\tdetailed-disposition\treason\tstatus\tlicense-plate-number\tcustomer-comments',
  mapRow(row, ctx): MappedRow {
    const date = row.require('return_date', (c) => parseDate(c, ctx.values));
    const sku = row.require('sku', parseText);
    const asin = row.require('asin', parseText);
    const units = row.require('quantity', (c) => parseCount(c, ctx.values));
    const reason = row.read('reason', parseText) ?? 'UNKNOWN';
    if (date === null || sku === null || asin === null || units === null) return { facts: [] };
    return {
      facts: [{ family: 'returns', date, marketplace: ctx.marketplace, product: { asin, sku, title: row.read('title', parseText) }, dimensions: { reason }, values: { units } }],
    };
  },
};
