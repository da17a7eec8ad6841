import fp from 'fastify-plugin';
import { BadRequest } from '../lib/errors.ts';

/**
 * PostgreSQL text cannot hold a NUL character: a string with one would fail deep in a
 * query as a 500. Refuse it at the door instead, with the field it came in, for JSON
 * bodies and for query strings (paths are refused by their id patterns).
 */
const ESCAPED_NUL = /\\u0000/i;

/** The JSON path of the first string (or key) holding a NUL, if any. */
export function findNul(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '/' : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (key.includes('\u0000')) return `${path}/${key.replaceAll('\u0000', '\\u0000')}`;
    const found = findNul(item, `${path}/${key}`);
    if (found) return found;
  }
  return undefined;
}

export default fp(
  async (app) => {
    const defaultJsonParser = app.getDefaultJsonParser('error', 'error');
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      defaultJsonParser(request, String(body), (err: Error | null, parsed?: unknown) => {
        if (err) return done(err);
        // Only bodies that spell an escaped NUL are walked, so large batches pay nothing.
        const nulAt = ESCAPED_NUL.test(String(body)) ? findNul(parsed) : undefined;
        if (nulAt) return done(new BadRequest('validation_failed', `The body holds a NUL character at ${nulAt}; text may not contain NUL.`, [{ path: `/body${nulAt === '/' ? '' : nulAt}`, message: 'must not contain a NUL character' }]));
        done(null, parsed);
      });
    });
    app.addHook('onRequest', async (request) => {
      const query = request.url.indexOf('?');
      if (query >= 0 && /%00/.test(request.url.slice(query))) {
        throw new BadRequest('validation_failed', 'The query string holds a NUL character (%00); text may not contain NUL.', [{ path: '/querystring', message: 'must not contain a NUL character' }]);
      }
    });
  },
  { name: 'text-guard', dependencies: ['problem-details'] },
);
