/** An ASIN: ten letters and digits (B0BGPMD867, or an ISBN-10 for books). */
export function isAsin(value: string): boolean {
  return /^[A-Z0-9]{10}$/.test(value);
}

/** The label of a totals row, which some exports append and which is no product. */
export function isTotalLabel(value: string): boolean {
  return /^(total|totals|grand total|gesamt|summe|合計|total général|totale)$/i.test(value.trim());
}
