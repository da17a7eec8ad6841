import { buildOpenApiDocument } from '@sellerops/server/openapi';

/**
 * The OpenAPI document exactly as the server serves it at /openapi.json, rendered
 * deterministically: pretty-printed with a trailing newline, the same on every machine.
 */
export async function renderOpenApiDocument(): Promise<string> {
  return `${JSON.stringify(await buildOpenApiDocument(), null, 2)}\n`;
}
