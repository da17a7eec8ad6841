import type { Readable } from 'node:stream';
import { parser } from 'stream-json';
import { pick } from 'stream-json/filters/pick.js';
import { streamValues } from 'stream-json/streamers/stream-values.js';
import { MalformedFile } from '../file-errors.ts';

/** A part of a Sales and Traffic report document, in file order. */
export type SalesAndTrafficPart =
  | { section: 'specification'; value: Record<string, unknown> }
  | { section: 'by_date' | 'by_asin'; index: number; value: Record<string, unknown> };

const SECTIONS: Record<string, 'by_date' | 'by_asin'> = {
  salesAndTrafficByDate: 'by_date',
  salesAndTrafficByAsin: 'by_asin',
};

/**
 * Streams a Selling Partner API Sales and Traffic report: its `reportSpecification`
 * and each element of `salesAndTrafficByDate` and `salesAndTrafficByAsin`, one at a
 * time, so a report of any size is never held whole.
 */
export async function* readSalesAndTrafficJson(input: Readable): AsyncGenerator<SalesAndTrafficPart> {
  const paths: Array<{ section: SalesAndTrafficPart['section']; index: number }> = [];
  const tokens = input.pipe(parser.asStream());
  input.on('error', (err) => tokens.destroy(err));
  const picked = tokens.pipe(
    pick.asStream({
      // Top-level `reportSpecification`, and each element of the two arrays.
      filter: (stack: readonly unknown[]) => {
        if (stack.length === 1 && stack[0] === 'reportSpecification') {
          paths.push({ section: 'specification', index: 0 });
          return true;
        }
        if (stack.length === 2 && typeof stack[0] === 'string' && SECTIONS[stack[0]] && typeof stack[1] === 'number') {
          paths.push({ section: SECTIONS[stack[0]]!, index: stack[1] });
          return true;
        }
        return false;
      },
    }),
  );
  tokens.on('error', (err) => picked.destroy(err));
  const values = picked.pipe(streamValues.asStream());
  picked.on('error', (err) => values.destroy(err));
  let seen = 0;
  try {
    for await (const { value } of values as AsyncIterable<{ value: unknown }>) {
      const path = paths[seen++];
      if (!path || value === null || typeof value !== 'object' || Array.isArray(value)) continue;
      const record = value as Record<string, unknown>;
      yield path.section === 'specification' ? { section: 'specification', value: record } : { section: path.section, index: path.index, value: record };
    }
  } catch (err) {
    throw new MalformedFile(`The JSON document cannot be read: ${(err as Error).message}`, [{ path: '/file', message: 'not valid JSON' }]);
  }
}
