import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const HEADER =
  'Date,Portfolio name,Currency,Campaign Name,Ad Group Name,Targeting,Match Type,Customer Search Term,Impressions,Clicks,Click-Thru Rate (CTR),Cost Per Click (CPC),Spend,7 Day Total Sales ,Total Advertising Cost of Sales (ACOS) ,Total Return on Advertising Spend (ROAS),7 Day Total Orders (#),7 Day Total Units (#),7 Day Conversion Rate,7 Day Advertised SKU Units (#),7 Day Other SKU Units (#),7 Day Advertised SKU Sales ,7 Day Other SKU Sales ';

const WORDS = ['bamboo', 'spoon', 'rest', 'kitchen', 'utensil', 'holder', 'wooden', 'stove', 'top', 'large', 'ceramic', 'silicone', 'heat', 'resistant', 'counter', 'ladle'];

export interface BigReport {
  bytes: number;
  rows: number;
  /** Rows the import must reject (one in every 1,000 has a bad spend). */
  badRows: number;
}

/**
 * Writes a Sponsored Products search term report of about `targetBytes` to `path`:
 * realistic rows (quoted counts, dollar amounts, empty ACoS cells), every row a
 * distinct (day, campaign, ad group, target, search term), one row in 1,000 with a
 * spend that is not money. Written as a stream, so the generator's memory is flat too.
 */
export async function writeBigSearchTermReport(path: string, targetBytes: number): Promise<BigReport> {
  const out = createWriteStream(path);
  let bytes = 0;
  let rows = 0;
  let badRows = 0;
  const write = async (line: string) => {
    bytes += Buffer.byteLength(line) + 1;
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  };
  await write(HEADER);
  while (bytes < targetBytes) {
    const day = 1 + (rows % 28);
    const campaign = `SP_${['Broad', 'Phrase', 'Exact', 'Auto'][rows % 4]}_Spoon_Rest_Campaign_${Math.floor(rows / 2000)}`;
    const term = Array.from({ length: 4 }, (_, i) => WORDS[(rows * 7 + i * 3 + Math.floor(rows / 16)) % WORDS.length]).join(' ') + ` ${rows}`;
    const clicks = rows % 17;
    const spend = rows % 1000 === 999 ? 'n/a dollars' : `$${(clicks * 0.83).toFixed(2)}`;
    if (rows % 1000 === 999) badRows += 1;
    const sales = clicks > 10 ? `$${(clicks * 4.99).toFixed(2)}` : '$0.00';
    const acos = clicks > 10 ? '16.63%' : '';
    await write(
      `2024-09-${String(day).padStart(2, '0')},Kitchen Portfolio,USD,${campaign},Ad group ${rows % 5},wooden spoon rest,BROAD,${term},"1,${String(rows % 1000).padStart(3, '0')}",${clicks},1.10%,$0.83,${spend},${sales},${acos},6.01,${clicks > 10 ? 1 : 0},${clicks > 10 ? 1 : 0},5.88%,${clicks > 10 ? 1 : 0},0,${sales},$0.00`,
    );
    rows += 1;
  }
  out.end();
  await once(out, 'finish');
  return { bytes, rows, badRows };
}
