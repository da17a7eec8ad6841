import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PACKAGE_DIR, renderGeneratedFiles } from './generated-files.ts';

// Writes packages/sdk/openapi.json and src/schema.d.ts from the server's routes.
for (const file of await renderGeneratedFiles()) {
  const target = join(PACKAGE_DIR, file.path);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, file.content);
  console.log(`wrote ${join('packages/sdk', file.path)}`);
}
