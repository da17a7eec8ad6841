import fp from 'fastify-plugin';

/**
 * Any single object a route answers with (an object carrying `id` and `version`)
 * gets `ETag: "<version>"`, so clients can send it back in If-Match.
 */
export default fp(
  async (app) => {
    app.addHook('preSerialization', async (_request, reply, payload) => {
      if (payload && typeof payload === 'object' && !Array.isArray(payload)) {
        const object = payload as { id?: unknown; version?: unknown; object?: unknown };
        if (typeof object.id === 'string' && typeof object.version === 'number' && object.object !== 'list') {
          reply.header('etag', `"${object.version}"`);
        }
      }
      return payload;
    });
  },
  { name: 'etag' },
);
