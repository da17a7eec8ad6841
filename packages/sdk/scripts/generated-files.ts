import { fileURLToPath } from 'node:url';
import { renderOpenApiDocument } from './openapi-document.ts';
import { renderSchemaTypes } from './schema-types.ts';

/** The SDK package folder, whatever the current directory. */
export const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

export interface GeneratedFile {
  /** Relative to the SDK package folder. */
  path: string;
  content: string;
}

/** Every committed generated file, rendered from the server's current routes. */
export async function renderGeneratedFiles(): Promise<GeneratedFile[]> {
  const openApiDocument = await renderOpenApiDocument();
  return [
    { path: 'openapi.json', content: openApiDocument },
    { path: 'src/schema.d.ts', content: await renderSchemaTypes(openApiDocument) },
  ];
}
