import type { FastifyRequest } from 'fastify';
import { InvalidInput } from '../../lib/errors.ts';
import { findSecrets } from '../../lib/secret-scan.ts';

/**
 * A preValidation hook for every registry route: a request carrying a full card number
 * or a field named like a secret is refused before it is validated, stored, made
 * idempotent or echoed in a validation message. The error names where, never what.
 */
export async function rejectSecrets(request: FastifyRequest): Promise<void> {
  const errors = [...findSecrets(request.query, '/query'), ...findSecrets(request.params, '/params'), ...findSecrets(request.body, '/body')];
  if (errors.length === 0) return;
  throw new InvalidInput(
    `The registry keeps no secrets: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}.`,
    errors,
    'secret_rejected',
  );
}
