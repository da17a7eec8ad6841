import { readFile } from 'node:fs/promises';
import t from 'tap';
import { REPORT_TYPES } from '../src/index.ts';

t.test('REPORT_TYPES lists exactly the report types of the OpenAPI document', async (t) => {
  const document = JSON.parse(await readFile(new URL('../openapi.json', import.meta.url), 'utf8')) as {
    components: { schemas: { Import: { properties: { type: { enum: string[] } } } } };
  };
  t.same([...REPORT_TYPES].sort(), [...document.components.schemas.Import.properties.type.enum].sort());
});
