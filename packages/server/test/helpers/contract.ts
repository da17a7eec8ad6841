import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

type AddFormats = (ajv: Ajv) => Ajv;
const formatsModule = addFormatsModule as unknown as AddFormats & { default?: AddFormats };
const addFormats: AddFormats = formatsModule.default ?? formatsModule;

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/**
 * Checks every response a test receives against the OpenAPI document the app
 * publishes: the status must be documented for the route, and a JSON body must match
 * the documented schema. A route that answers something its document does not promise
 * fails whichever test made the call.
 */
export function contractChecker(app: FastifyInstance): (method: string, url: string, res: LightMyRequestResponse) => void {
  const document = app.swagger() as { paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>> };
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: 'openapi.json' } as object);
  const compiled = new Map<string, ValidateFunction>();

  return (method, url, res) => {
    const path = url.split('?')[0] ?? '';
    const route = app.routePatterns.find((r) => r.method === method && r.pattern.test(path));
    if (!route) return; // unknown routes answer 404/405 problems from the not-found handler
    const openapiPath = route.url.replace(/:([A-Za-z_]+)/g, '{$1}');
    const operation = document.paths[openapiPath]?.[method.toLowerCase()];
    if (!operation) return; // hidden routes (docs, GraphQL) are not part of the contract
    const status = String(res.statusCode);
    const response = operation.responses?.[status];
    if (!response) throw new Error(`Contract: ${method} ${route.url} answered ${status}, which its OpenAPI operation does not document`);
    const mediaType = String(res.headers['content-type'] ?? '').split(';')[0]!.trim();
    if (!mediaType.endsWith('json')) return;
    if (!response.content?.[mediaType]) {
      throw new Error(`Contract: ${method} ${route.url} ${status} answered ${mediaType}, not a documented media type (${Object.keys(response.content ?? {}).join(', ')})`);
    }
    const ref = `openapi.json#/${pointer('paths', openapiPath, method.toLowerCase(), 'responses', status, 'content', mediaType, 'schema')}`;
    let validate = compiled.get(ref);
    if (!validate) {
      validate = ajv.compile({ $ref: ref });
      compiled.set(ref, validate);
    }
    if (!validate(res.json())) {
      throw new Error(`Contract: ${method} ${route.url} ${status} body does not match its schema: ${ajv.errorsText(validate.errors)}\n${res.body.slice(0, 500)}`);
    }
  };
}
