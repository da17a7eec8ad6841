import type { Scope } from './types.ts';

/**
 * Every scope an API key can hold, for building pickers and validating input before a
 * request. The type checks below fail to compile when the API gains or drops a scope
 * and this list was not updated (after `generate`).
 */
export const SCOPES = [
  'resources:read',
  'resources:write',
  'sop:read',
  'sop:write',
  'metrics:read',
  'metrics:write',
  'hiring:read',
  'hiring:write',
  'admin',
] as const satisfies readonly Scope[];

type Unlisted = Exclude<Scope, (typeof SCOPES)[number]>;
const everyScopeListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyScopeListed;

/** True when `value` names a scope. */
export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}
