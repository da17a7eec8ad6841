import fp from 'fastify-plugin';

/**
 * Headers every response carries: the request id (to quote in a report), and for API
 * responses, no sniffing, no framing, no caching of tenant data.
 */
export default fp(
  async (app) => {
    app.addHook('onSend', async (request, reply, payload) => {
      reply.header('x-request-id', String(request.id));
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'no-referrer');
      const url = request.url;
      if (!url.startsWith('/docs') && !url.startsWith('/graphiql')) {
        reply.header('x-frame-options', 'DENY');
        reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
      }
      if (url.startsWith('/v1') || url.startsWith('/graphql')) reply.header('cache-control', 'no-store');
      return payload;
    });
  },
  { name: 'security-headers' },
);
