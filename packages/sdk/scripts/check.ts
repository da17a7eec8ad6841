import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PACKAGE_DIR, renderGeneratedFiles } from './generated-files.ts';

/**
 * The drift check CI runs: renders the generated files in memory and fails when a
 * committed one differs, so the SDK can never lag behind the server's routes.
 */
async function readCommitted(path: string): Promise<string | null> {
  try {
    return await readFile(join(PACKAGE_DIR, path), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function firstDifferentLine(committed: string, fresh: string): number {
  const a = committed.split('\n');
  const b = fresh.split('\n');
  const index = a.findIndex((line, i) => line !== b[i]);
  return (index === -1 ? a.length : index) + 1;
}

const drifted: string[] = [];
for (const file of await renderGeneratedFiles()) {
  const shown = join('packages/sdk', file.path);
  const committed = await readCommitted(file.path);
  if (committed === null) {
    drifted.push(`${shown} is missing`);
  } else if (committed !== file.content) {
    drifted.push(`${shown} differs from what the server generates (first difference at line ${firstDifferentLine(committed, file.content)})`);
  }
}

if (drifted.length > 0) {
  console.error('Generated SDK files are out of date:');
  for (const line of drifted) console.error(`  - ${line}`);
  console.error('Run `pnpm --filter @sellerops/sdk generate` and commit the result.');
  process.exit(1);
}
console.log('packages/sdk/openapi.json and packages/sdk/src/schema.d.ts are up to date.');
