import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parse, stringify } from 'yaml';
import { BadRequest } from '../../lib/errors.ts';

export const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml'];

/**
 * Lets the routes of `app` take YAML bodies as well as JSON. The `yaml` package parses
 * YAML 1.2 (no custom tags, duplicate keys refused, alias expansion bounded), so a
 * document becomes the same plain data a JSON body would.
 */
export function acceptYaml(app: FastifyInstance): void {
  app.addContentTypeParser(YAML_TYPES, { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parse(body as string, { maxAliasCount: 100 }) ?? {});
    } catch {
      done(new BadRequest('malformed_yaml', 'The body is not valid YAML.'), undefined);
    }
  });
}

export function wantsYaml(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return YAML_TYPES.some((type) => accept.includes(type));
}

/** Sends `value` as YAML when the client asked for it, as JSON otherwise. */
export function sendAs(request: FastifyRequest, reply: FastifyReply, value: unknown): FastifyReply {
  if (!wantsYaml(request)) return reply.send(value);
  return reply.type('application/yaml; charset=utf-8').send(stringify(value, { lineWidth: 0 }));
}
