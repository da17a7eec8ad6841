import { Type, type Static } from '@sinclair/typebox';

/** RFC 9457 problem details, the one error shape of the API. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'A URI naming the kind of problem' }),
    title: Type.String(),
    status: Type.Integer({ minimum: 400, maximum: 599 }),
    detail: Type.String(),
    code: Type.String({ description: 'Stable machine-readable code, e.g. validation_failed' }),
    request_id: Type.String(),
    errors: Type.Optional(
      Type.Array(Type.Object({ path: Type.String(), message: Type.String() }, { additionalProperties: false })),
    ),
    blocking: Type.Optional(Type.Array(Type.String(), { description: 'Ids or keys of what blocks the request, where relevant' })),
  },
  { $id: 'Problem', description: 'application/problem+json (RFC 9457)' },
);
export type Problem = Static<typeof ProblemSchema>;

/** Every stable error code the API answers with. */
export const PROBLEM_CODES = [
  'validation_failed',
  'malformed_json',
  'malformed_yaml',
  'invalid_cursor',
  'unauthenticated',
  'forbidden',
  'not_found',
  'route_not_found',
  'method_not_allowed',
  'conflict',
  'version_conflict',
  'precondition_required',
  'idempotency_conflict',
  'idempotency_in_progress',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'overloaded',
  'service_unavailable',
  'query_too_complex',
  'secret_rejected',
  'dependencies_unfinished',
  'invalid_transition',
  'unsupported_file_type',
  'empty_file',
  'malformed_file',
  'unknown_report_type',
  'report_type_mismatch',
  'missing_columns',
  'import_date_required',
  'import_rows_rejected',
  'internal_error',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];
