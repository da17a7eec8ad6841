import type { Database } from '../../src/db/connect.ts';

/** One side of a comparison: the request the load generator repeats. */
export interface HttpTarget {
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  body?: string;
}

/** What a case's `serve` hands back once both servers listen. */
export interface ServedCase {
  ours: HttpTarget;
  baseline: HttpTarget;
  close(): Promise<void>;
}

/**
 * A benchmark case: our endpoint against a baseline that does the least work able to
 * give the same answer, both served from the same process and measured in the same
 * run. The case's name is its file name under bench/cases/.
 */
export interface BenchCase {
  /** One line: what ours does, and what the baseline does instead. */
  title: string;
  /** Higher is better; the ratio is ours / baseline. */
  unit: 'req/s';
  /** The ratio ours / baseline the project aims for, if any. */
  target?: number;
  /**
   * Runs in the server process on a fresh, migrated database: seeds what the case
   * needs and starts both servers on loopback ports.
   */
  serve(context: { database: Database }): Promise<ServedCase>;
}

/** Identity helper so that a case file is checked against the contract where it is written. */
export function defineCase(benchCase: BenchCase): BenchCase {
  return benchCase;
}
