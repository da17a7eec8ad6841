import { decimalText } from '../metrics/products.mapping.ts';

/**
 * Units = sessions x conversion, and sales = units x average price: the change between
 * two periods split exactly into parts by the symmetric (midpoint, or Shapley) rule,
 * which gives each factor its change times the mean of the other factor. Unlike a
 * "first traffic, then conversion" order, the result does not depend on which factor
 * is taken first, and the parts add up to the change with no residual.
 */

export const DECOMPOSITION_METHOD =
  'units = sessions x conversion (C = units / sessions). traffic_part = (S1 - S0) x (C0 + C1) / 2 and conversion_part = (C1 - C0) x (S0 + S1) / 2 ' +
  '(the symmetric midpoint split, the Shapley value of the two factors); they add up to U1 - U0 exactly. traffic_part is rounded to 4 decimals and ' +
  'conversion_part is the change minus traffic_part, so the numbers as written add up exactly. A period with no sessions takes the conversion of the other ' +
  'period (with no sessions in either, the whole change is conversion). sales = units x average price: traffic and conversion parts are the unit parts ' +
  'times the mean price (P0 + P1) / 2, price_part = (P1 - P0) x (U0 + U1) / 2, rounded to cents with the conversion part taking the remainder.';

export interface UnitsSplit {
  change: number;
  trafficPart: number;
  conversionPart: number;
  /** Conversion of each period as used by the split (a period without sessions borrows the other's). */
  c0: number;
  c1: number;
}

/**
 * Rounds the traffic part to 4 decimals and gives the rest to the conversion part. Among
 * the 4-decimal values nearest the exact part it picks one whose binary sum with its
 * remainder is the change as well, so a reader adding the two JSON numbers gets the
 * change exactly, not off by a floating-point hair.
 */
export function splitExactly(change: number, exactTraffic: number): [number, number] {
  const base = Math.round(exactTraffic * 1e4);
  for (let k = 0; k <= 50; k++) {
    for (const step of k === 0 ? [0] : [k, -k]) {
      const traffic = (base + step) / 1e4;
      const conversion = (change * 1e4 - (base + step)) / 1e4;
      if (traffic + conversion === change) return [traffic, conversion];
    }
  }
  return [base / 1e4, (change * 1e4 - base) / 1e4];
}

export function splitUnits(s0: number, u0: number, s1: number, u1: number): UnitsSplit {
  const change = u1 - u0;
  if (s0 === 0 && s1 === 0) return { change, trafficPart: 0, conversionPart: change, c0: 0, c1: 0 };
  const c0 = s0 > 0 ? u0 / s0 : u1 / s1;
  const c1 = s1 > 0 ? u1 / s1 : c0;
  const [trafficPart, conversionPart] = splitExactly(change, ((s1 - s0) * (c0 + c1)) / 2);
  return { change, trafficPart, conversionPart, c0, c1 };
}

// ---- money in micros (6 decimals, as stored), without floating point ----

export function toMicros(amount: string): bigint {
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = ''] = amount.replace('-', '').split('.');
  const micros = BigInt(whole) * 1_000_000n + BigInt(fraction.padEnd(6, '0').slice(0, 6));
  return negative ? -micros : micros;
}

export function microsText(micros: bigint): string {
  const negative = micros < 0n;
  const abs = negative ? -micros : micros;
  const text = `${abs / 1_000_000n}.${(abs % 1_000_000n).toString().padStart(6, '0')}`;
  return `${negative ? '-' : ''}${decimalText(text)}`;
}

/** A float amount (an estimate) rounded to cents, as micros. */
const centsOf = (amount: number): bigint => BigInt(Math.round(amount * 100)) * 10_000n;

export interface SalesSplit {
  change: bigint;
  trafficPart: bigint;
  conversionPart: bigint;
  pricePart: bigint;
  /** Average price per unit of each period, as used by the split; null when no unit was sold. */
  p0: number | null;
  p1: number | null;
}

/** Splits the change in sales into traffic, conversion and price parts that add up to it to the micro. */
export function splitSales(sales0: string, sales1: string, units: { u0: number; u1: number; trafficPart: number; conversionPart: number }): SalesSplit {
  const m0 = toMicros(sales0);
  const m1 = toMicros(sales1);
  const change = m1 - m0;
  const p0 = units.u0 > 0 ? Number(m0) / 1e6 / units.u0 : null;
  const p1 = units.u1 > 0 ? Number(m1) / 1e6 / units.u1 : null;
  // A period without units has no price: it borrows the other's, so the price part is zero.
  const mean = p0 !== null && p1 !== null ? (p0 + p1) / 2 : (p0 ?? p1 ?? 0);
  const trafficPart = centsOf(units.trafficPart * mean);
  const pricePart = p0 !== null && p1 !== null ? centsOf(((p1 - p0) * (units.u0 + units.u1)) / 2) : 0n;
  return { change, trafficPart, pricePart, conversionPart: change - trafficPart - pricePart, p0, p1 };
}
