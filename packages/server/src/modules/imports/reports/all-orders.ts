import { marketplaceOfSalesChannel } from '../parse/marketplace-locale.ts';
import { parseCount, parseDate, parseMoney, parseText } from '../parse/values.ts';
import type { MappedRow, TableReport } from './report-type.ts';

const ORDER_COLUMNS = {
  order_id: ['amazon-order-id'],
  purchase_date: ['purchase-date'],
  order_status: ['order-status'],
  sales_channel: ['sales-channel'],
  title: ['product-name'],
  sku: ['sku'],
  asin: ['asin'],
  item_status: ['item-status'],
  quantity: ['quantity'],
  currency: ['currency'],
  item_price: ['item-price'],
};
type OrderField = keyof typeof ORDER_COLUMNS;

/**
 * All Orders (GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL / _BY_ORDER_DATE):
 * one row per order item. Items add up to the product's units ordered, ordered
 * product sales (item price) and order items for the day of purchase in the
 * marketplace's time zone. Cancelled items count for nothing; orders of another sales
 * channel than the import's marketplace are skipped.
 */
export const allOrdersReport: TableReport<OrderField> = {
  type: 'all_orders',
  title: 'All Orders',
  source: 'Seller Central > Reports > Fulfillment > Sales > All Orders (or SP-API GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL)',
  columns: ORDER_COLUMNS,
  required: ['order_id', 'purchase_date', 'sku', 'asin', 'quantity', 'item_price'],
  ignored: [
    'merchant-order-id',
    'last-updated-date',
    'fulfillment-channel',
    'order-channel',
    'url',
    'ship-service-level',
    'item-tax',
    'shipping-price',
    'shipping-tax',
    'gift-wrap-price',
    'gift-wrap-tax',
    'item-promotion-discount',
    'ship-promotion-discount',
    'ship-city',
    'ship-state',
    'ship-postal-code',
    'ship-country',
    'promotion-ids',
    'is-business-order',
    'purchase-order-number',
    'price-designation',
    'signature-confirmation-recommended',
  ],
  needsDate: false,
  sums: true,
  exampleHeader:
    'amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\tsales-channel\torder-channel\turl\tship-service-level\tproduct-name\tsku\tasin\titem-status\tquantity\tcurrency\titem-price\titem-tax\tshipping-price\tshipping-tax\tgift-wrap-price\tgift-wrap-tax\titem-promotion-discount\tship-promotion-discount\tship-city\tship-state\tship-postal-code\tship-country\tpromotion-ids\tis-business-order\tpurchase-order-number\tprice-designation',
  mapRow(row, ctx): MappedRow {
    const v = ctx.values;
    const channel = row.read('sales_channel', parseText);
    if (channel !== null) {
      const marketplace = marketplaceOfSalesChannel(channel);
      if (marketplace !== ctx.marketplace) return { skip: `an order of ${channel}, not of ${ctx.marketplace}` };
    }
    const status = `${row.read('order_status', parseText) ?? ''} ${row.read('item_status', parseText) ?? ''}`;
    if (/cancel/i.test(status)) return { skip: 'a cancelled item' };
    const date = row.require('purchase_date', (c) => parseDate(c, v));
    const sku = row.require('sku', parseText);
    const asin = row.require('asin', parseText);
    const units = row.require('quantity', (c) => parseCount(c, v));
    const currency = row.read('currency', parseText);
    // Pending orders carry no price yet: their units count, their sales are not known.
    const price = row.read('item_price', (c) => parseMoney(c, v, currency)) ?? { amount: '0', currency: currency ?? v.locale.currency };
    if (date === null || sku === null || asin === null || units === null) return { facts: [] };
    return {
      facts: [
        {
          family: 'traffic_sales',
          date,
          marketplace: ctx.marketplace,
          product: { asin, sku, title: row.read('title', parseText) },
          dimensions: {},
          values: { units_ordered: units, ordered_product_sales: price, order_items: 1 },
        },
      ],
    };
  },
};
