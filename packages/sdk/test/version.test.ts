import { readFile } from 'node:fs/promises';
import t from 'tap';
import { SDK_VERSION } from '../src/index.ts';

t.test('SDK_VERSION matches package.json', async (t) => {
  const packageJson = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  t.equal(SDK_VERSION, packageJson.version);
});
