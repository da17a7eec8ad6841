import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BenchCase } from './case.ts';

const CASES_DIR = new URL('../cases/', import.meta.url);

/** Every case under bench/cases/, by file name: adding a case is adding a file. */
export function caseNames(): string[] {
  return readdirSync(fileURLToPath(CASES_DIR))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.slice(0, -'.ts'.length))
    .sort();
}

export async function loadCase(name: string): Promise<BenchCase> {
  if (!caseNames().includes(name)) throw new Error(`No benchmark case "${name}"; known: ${caseNames().join(', ')}`);
  const module = (await import(new URL(`${name}.ts`, CASES_DIR).href)) as { default?: BenchCase };
  if (!module.default || typeof module.default.serve !== 'function') {
    throw new Error(`bench/cases/${name}.ts must default-export defineCase({ ... })`);
  }
  return module.default;
}
