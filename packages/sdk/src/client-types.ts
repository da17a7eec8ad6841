import type { Client, ClientPathsWithMethod, MaybeOptionalInit, MethodResponse } from 'openapi-fetch';
import type { paths } from './schema.d.ts';

/** The openapi-fetch client over the API's paths: answers `{ data, error, response }` and never throws for a status. */
export type RawClient = Client<paths>;

/** The HTTP methods the API's routes use. */
export type HttpMethod = 'get' | 'put' | 'post' | 'patch' | 'delete';

/** Every path that has a route for `Method`, e.g. `PathsWith<'post'>` includes `'/v1/members'`. */
export type PathsWith<Method extends HttpMethod> = ClientPathsWithMethod<RawClient, Method>;

/** The parsed body of the 2xx answer of `Method Path`. */
export type ResponseData<Method extends HttpMethod, Path extends PathsWith<Method>> = MethodResponse<RawClient, Method, Path>;

/**
 * The options of one call: `params` (`path`, `query`, `header`), `body`, `headers`,
 * `signal`... Required when the route has required parameters or a required body.
 * `parseAs` is left out: these calls always read JSON (use `raw` for anything else).
 */
export type RequestInitFor<Method extends HttpMethod, Path extends PathsWith<Method>> = Omit<
  NonNullable<MaybeOptionalInit<paths[Path], Method>>,
  'parseAs'
>;

/** The rest arguments of a call: optional when the route needs nothing. */
export type InitArgs<Method extends HttpMethod, Path extends PathsWith<Method>> =
  undefined extends MaybeOptionalInit<paths[Path], Method>
    ? [init?: RequestInitFor<Method, Path>]
    : [init: RequestInitFor<Method, Path>];

/** Calls `Method Path`; resolves to the 2xx body, rejects with a ProblemError for any other status. */
export type DataMethod<Method extends HttpMethod> = <Path extends PathsWith<Method>>(
  path: Path,
  ...init: InitArgs<Method, Path>
) => Promise<ResponseData<Method, Path>>;

/** GET paths that answer a cursor page (`{ data: [...], next_cursor }`). */
export type ListPath = {
  [Path in PathsWith<'get'>]: ResponseData<'get', Path> extends { data: unknown[]; next_cursor: string | null } ? Path : never;
}[PathsWith<'get'>];

/** The item type of a list path, e.g. `ListItem<'/v1/members'>` is `Member`. */
export type ListItem<Path extends ListPath> = ResponseData<'get', Path> extends { data: Array<infer Item> } ? Item : never;
