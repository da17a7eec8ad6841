import type { MoneyValue } from '../parse/values.ts';
import type { FactValue, ImportedFact } from './imported-fact.ts';

/** Decimal strings added exactly (6 places), never through floats. */
export function addDecimal(a: string, b: string): string {
  const scale = (s: string) => {
    const [int = '0', frac = ''] = s.replace(/^-/, '').split('.');
    const v = BigInt(int + frac.padEnd(6, '0').slice(0, 6));
    return s.startsWith('-') ? -v : v;
  };
  const sum = scale(a) + scale(b);
  const negative = sum < 0n;
  const digits = (negative ? -sum : sum).toString().padStart(7, '0');
  const int = digits.slice(0, -6);
  const frac = digits.slice(-6).replace(/0+$/, '');
  return `${negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

function isMoney(v: FactValue | undefined): v is MoneyValue {
  return typeof v === 'object' && v !== null;
}

function keyOf(fact: ImportedFact): string {
  const dims = Object.entries(fact.dimensions).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([fact.family, fact.date, fact.marketplace, fact.product?.asin ?? null, fact.product?.sku ?? null, dims]);
}

/**
 * Adds up facts that share a key (order items of one product and day, AFN rows of
 * one SKU): counts and money are summed; a money value in another currency than the
 * first is a problem of the row. Memory grows with the number of distinct keys.
 */
export class FactSums {
  private readonly facts = new Map<string, ImportedFact & { row: number }>();

  /** Adds `fact`; returns a reason when it cannot be added. */
  add(fact: ImportedFact, row: number): string | null {
    const key = keyOf(fact);
    const current = this.facts.get(key);
    if (!current) {
      this.facts.set(key, { ...fact, values: { ...fact.values }, row });
      return null;
    }
    for (const [name, value] of Object.entries(fact.values)) {
      const before = current.values[name];
      if (isMoney(value) && isMoney(before) && value.currency !== before.currency) {
        return `${name} is in ${value.currency}, earlier rows of this product and day in ${before.currency}`;
      }
    }
    for (const [name, value] of Object.entries(fact.values)) {
      const before = current.values[name];
      if (value === null || value === undefined) continue;
      if (before === null || before === undefined) current.values[name] = value;
      else if (typeof value === 'number' && typeof before === 'number') current.values[name] = before + value;
      else if (isMoney(value) && isMoney(before)) current.values[name] = { amount: addDecimal(before.amount, value.amount), currency: before.currency };
    }
    return null;
  }

  /** Every summed fact with the row number of its first row. */
  drain(): Array<ImportedFact & { row: number }> {
    const all = [...this.facts.values()];
    this.facts.clear();
    return all;
  }
}
