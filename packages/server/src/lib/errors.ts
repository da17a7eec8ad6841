import type { ProblemCode } from '@sellerops/schemas';

export interface FieldError {
  path: string;
  message: string;
}

/**
 * A failure the client can act on. Services throw these; one error handler turns
 * them, and every other error, into problem+json.
 */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    message: string,
    readonly errors?: FieldError[],
    readonly extra?: { blocking?: string[]; headers?: Record<string, string> },
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFound extends DomainError {
  constructor(what: string, id?: string) {
    super(404, 'not_found', id ? `${what} ${id} was not found.` : `${what} was not found.`);
  }
}

export class InvalidInput extends DomainError {
  constructor(message: string, errors?: FieldError[], code: ProblemCode = 'validation_failed') {
    super(422, code, message, errors);
  }
}

export class BadRequest extends DomainError {
  constructor(code: ProblemCode, message: string, errors?: FieldError[]) {
    super(400, code, message, errors);
  }
}

export class Conflict extends DomainError {
  constructor(message: string, code: ProblemCode = 'conflict', blocking?: string[]) {
    super(409, code, message, undefined, blocking ? { blocking } : undefined);
  }
}

export class VersionConflict extends DomainError {
  constructor(current: number) {
    super(412, 'version_conflict', `The object has changed: its current version is ${current}. Fetch it again and retry.`, undefined, {
      headers: { etag: `"${current}"` },
    });
  }
}

export class Forbidden extends DomainError {
  constructor(message: string) {
    super(403, 'forbidden', message);
  }
}

export class Unauthenticated extends DomainError {
  constructor(message: string) {
    super(401, 'unauthenticated', message, undefined, { headers: { 'www-authenticate': 'Bearer' } });
  }
}
