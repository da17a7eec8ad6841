import type { Marketplace, Product, ProductStatus } from '@sellerops/schemas';
import type { ProductRow } from '../../db/database.ts';
import { iso } from '../../lib/time.ts';

/** Drops the trailing zeros numeric(20,6) adds: "12.500000" -> "12.50", "3.000000" -> "3". */
export function decimalText(value: string): string {
  if (!value.includes('.')) return value;
  const trimmed = value.replace(/0+$/, '').replace(/\.$/, '');
  const [whole, fraction = ''] = trimmed.split('.');
  return fraction.length === 1 ? `${whole}.${fraction}0` : trimmed;
}

export function toProduct(row: ProductRow): Product {
  return {
    id: row.id,
    object: 'product',
    marketplace: row.marketplace as Marketplace,
    asin: row.asin,
    sku: row.sku === '' ? null : row.sku,
    parent_asin: row.parent_asin,
    seller_account_id: row.seller_account_id,
    title: row.title,
    product_line: row.product_line,
    operator_member_id: row.operator_member_id,
    unit_cost: row.unit_cost_amount !== null && row.unit_cost_currency !== null ? { amount: decimalText(row.unit_cost_amount), currency: row.unit_cost_currency } : null,
    status: row.status as ProductStatus,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}
