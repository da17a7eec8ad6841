import openapiTS, { COMMENT_HEADER, astToString, type OpenAPI3 } from 'openapi-typescript';

/** `paths` and `components` types for the document, as the openapi-typescript CLI would print them. */
export async function renderSchemaTypes(openApiDocument: string): Promise<string> {
  const ast = await openapiTS(JSON.parse(openApiDocument) as OpenAPI3, { silent: true });
  return COMMENT_HEADER + astToString(ast);
}
