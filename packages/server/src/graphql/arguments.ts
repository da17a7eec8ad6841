import { BadRequest, NotFound } from '../lib/errors.ts';

/** GraphQL passes null for an omitted argument; the services take undefined. */
export function given<T extends Record<string, unknown>>(args: T): { [K in keyof T]: Exclude<T[K], null> | undefined } {
  return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, v ?? undefined])) as never;
}

/** A single object by id: null rather than an error when it is not there, as GraphQL readers expect. */
export async function orNull<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof NotFound) return null;
    throw error;
  }
}

/** An enum argument GraphQL declares as a String, checked as the REST query string checks it. */
export function oneOf<T extends string>(values: readonly T[], value: string | null | undefined, name: string): T | undefined {
  if (value === null || value === undefined) return undefined;
  if (!values.includes(value as T)) throw new BadRequest('validation_failed', `${name} must be one of ${values.join(', ')}.`, [{ path: `/${name}`, message: 'unknown value' }]);
  return value as T;
}
