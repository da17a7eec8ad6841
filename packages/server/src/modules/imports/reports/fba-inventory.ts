import { parseCount, parseText } from '../parse/values.ts';
import type { MappedRow, TableReport } from './report-type.ts';

const INVENTORY_COLUMNS = {
  sku: ['sku', 'seller-sku', 'Seller SKU', 'Händler-SKU'],
  fnsku: ['fnsku'],
  asin: ['asin'],
  title: ['product-name', 'Product Name'],
  fulfillable: ['afn-fulfillable-quantity', 'Fulfillable Quantity'],
  unfulfillable: ['afn-unsellable-quantity', 'Unfulfillable Quantity'],
  reserved: ['afn-reserved-quantity', 'Reserved Quantity'],
  inbound_working: ['afn-inbound-working-quantity', 'Inbound Working'],
  inbound_shipped: ['afn-inbound-shipped-quantity', 'Inbound Shipped'],
  inbound_receiving: ['afn-inbound-receiving-quantity', 'Inbound Receiving'],
};
type InventoryField = keyof typeof INVENTORY_COLUMNS;

/**
 * FBA Manage Inventory (GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA): one row per SKU, a
 * snapshot at download time, so its day is the caller's `date`. Inbound is working +
 * shipped + receiving.
 */
export const fbaInventoryReport: TableReport<InventoryField> = {
  type: 'fba_inventory',
  title: 'FBA inventory: Manage FBA Inventory',
  source: 'Seller Central > Reports > Fulfillment > Inventory > Manage FBA Inventory (or SP-API GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA)',
  columns: INVENTORY_COLUMNS,
  required: ['sku', 'asin', 'fulfillable'],
  ignored: [
    'condition',
    'your-price',
    'mfn-listing-exists',
    'mfn-fulfillable-quantity',
    'afn-listing-exists',
    'afn-warehouse-quantity',
    'afn-total-quantity',
    'per-unit-volume',
    'afn-researching-quantity',
    'afn-reserved-future-supply',
    'afn-future-supply-buyable',
    'store',
  ],
  needsDate: true,
  exampleHeader:
    'sku\tfnsku\tasin\tproduct-name\tcondition\tyour-price\tmfn-listing-exists\tmfn-fulfillable-quantity\tafn-listing-exists\tafn-warehouse-quantity\tafn-fulfillable-quantity\tafn-unsellable-quantity\tafn-reserved-quantity\tafn-total-quantity\tper-unit-volume\tafn-inbound-working-quantity\tafn-inbound-shipped-quantity\tafn-inbound-receiving-quantity\tafn-researching-quantity\tafn-reserved-future-supply\tafn-future-supply-buyable',
  mapRow(row, ctx): MappedRow {
    const v = ctx.values;
    const sku = row.require('sku', parseText);
    const asin = row.require('asin', parseText);
    const count = (field: InventoryField) => row.read(field, (c) => parseCount(c, v));
    const fulfillable = row.require('fulfillable', (c) => parseCount(c, v));
    const parts = [count('inbound_working'), count('inbound_shipped'), count('inbound_receiving')];
    const inbound = parts.some((p) => p !== null) ? parts.reduce<number>((sum, p) => sum + (p ?? 0), 0) : null;
    const values = { fulfillable, inbound, reserved: count('reserved'), unfulfillable: count('unfulfillable') };
    if (sku === null || asin === null || ctx.date === null) return { facts: [] };
    return {
      facts: [{ family: 'inventory', date: ctx.date, marketplace: ctx.marketplace, product: { asin, sku, title: row.read('title', parseText) }, dimensions: {}, values }],
    };
  },
};

const AFN_COLUMNS = {
  sku: ['seller-sku'],
  fnsku: ['fulfillment-channel-sku'],
  asin: ['asin'],
  condition_type: ['condition-type'],
  warehouse_condition: ['Warehouse-Condition-code'],
  quantity: ['Quantity Available'],
};
type AfnField = keyof typeof AFN_COLUMNS;

/**
 * The Amazon-fulfilled inventory flat file (GET_AFN_INVENTORY_DATA): one row per SKU
 * and warehouse condition. SELLABLE rows add up to fulfillable units, UNSELLABLE rows
 * to unfulfillable ones.
 */
export const afnInventoryReport: TableReport<AfnField> = {
  type: 'afn_inventory',
  title: 'FBA inventory: Amazon-fulfilled inventory flat file',
  source: 'Seller Central > Reports > Fulfillment > Inventory > Amazon Fulfilled Inventory (or SP-API GET_AFN_INVENTORY_DATA)',
  columns: AFN_COLUMNS,
  required: ['sku', 'asin', 'warehouse_condition', 'quantity'],
  ignored: [],
  needsDate: true,
  sums: true,
  exampleHeader: 'seller-sku\tfulfillment-channel-sku\tasin\tcondition-type\tWarehouse-Condition-code\tQuantity Available',
  mapRow(row, ctx): MappedRow {
    const sku = row.require('sku', parseText);
    const asin = row.require('asin', parseText);
    const condition = row.require('warehouse_condition', parseText)?.toUpperCase() ?? null;
    const quantity = row.require('quantity', (c) => parseCount(c, ctx.values));
    if (condition !== null && condition !== 'SELLABLE' && condition !== 'UNSELLABLE') {
      row.reject(`"${condition}" is neither SELLABLE nor UNSELLABLE`, 'warehouse_condition');
    }
    if (sku === null || asin === null || quantity === null || ctx.date === null) return { facts: [] };
    const values = condition === 'SELLABLE' ? { fulfillable: quantity, unfulfillable: 0 } : { fulfillable: 0, unfulfillable: quantity };
    return { facts: [{ family: 'inventory', date: ctx.date, marketplace: ctx.marketplace, product: { asin, sku }, dimensions: {}, values }] };
  },
};
