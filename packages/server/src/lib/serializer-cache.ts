import { createHash } from 'node:crypto';
import { SerializerSelector, type SerializerFactory, type Serializer, type RouteDefinition } from '@fastify/fast-json-stringify-compiler';

const defaultFactory = SerializerSelector();
const compiled = new Map<string, Serializer>();

/**
 * Fastify's response serializer factory, with each compiled serializer kept for the
 * life of the process, keyed by the shared schemas, the status and the schema itself.
 * Compiling (fast-json-stringify, which first validates every schema) is most of what
 * building the app costs; one process builds it once in production, but the tests
 * build the same app hundreds of times. A serializer is a pure function of its schema,
 * so sharing it between app instances changes nothing they answer.
 */
export const cachedSerializerFactory: SerializerFactory = (externalSchemas, options) => {
  const compile = defaultFactory(externalSchemas, options);
  const shared = createHash('sha1').update(JSON.stringify(externalSchemas ?? {})).update(JSON.stringify(options ?? {})).digest('hex');
  return (route: RouteDefinition & { contentType?: string }) => {
    const key = `${shared}|${route.httpStatus}|${route.contentType ?? ''}|${JSON.stringify(route.schema)}`;
    let serializer = compiled.get(key);
    if (!serializer) {
      serializer = compile(route);
      compiled.set(key, serializer);
    }
    return serializer;
  };
};
