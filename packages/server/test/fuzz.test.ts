import fc from 'fast-check';
import t from 'tap';

type TapTest = Parameters<Extract<Parameters<typeof t.test>[0], (...args: never[]) => unknown>>[0];
import { createTestApp, type TestApp } from './helpers/index.ts';
import { fuzzedValue, hostileValue, type JsonSchema, type SchemaResolver } from './helpers/fuzz-arbitraries.ts';
import { databaseSnapshot } from './helpers/snapshot.ts';

/**
 * Property-based fuzzing of every operation in the OpenAPI document: valid, boundary
 * and hostile values in paths, query strings, headers and bodies. For every request:
 * no 5xx, the response matches its documented schema (the test app's contract checker
 * throws otherwise), and a refused write leaves the database exactly as it was.
 *
 * FUZZ_RUNS sets the requests per operation (a few in CI; `pnpm fuzz` runs many),
 * FUZZ_SEED replays a run.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}
interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
}

interface FuzzRequest {
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

const FAKE_IDS = ['mem_01NOSUCHOBJECT00000000000', 'zzz_0', 'a_b', 'x'.repeat(64)];

function stringify(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? '';
}

/** Percent-encoding; a lone surrogate becomes the bytes a careless client would send (invalid UTF-8). */
function encodePathSegment(value: string): string {
  const text = value as string & { isWellFormed(): boolean; toWellFormed(): string };
  return text.isWellFormed() ? encodeURIComponent(value) : `${encodeURIComponent(text.toWellFormed())}%ED%A0%80`;
}

/** Ids seen in responses, so that later requests reach real objects as well as missing ones. */
function collectIds(body: unknown, pool: Set<string>, depth = 0): void {
  if (depth > 4 || body === null || typeof body !== 'object') return;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    // Never aim the fuzzer at keys: revoking the admin key would end the run early.
    if ((key === 'id' || key.endsWith('_id')) && typeof value === 'string' && !value.startsWith('key_')) pool.add(value);
    else if (typeof value === 'object') collectIds(value, pool, depth + 1);
  }
}

function requestArbitrary(path: string, operation: Operation, resolve: SchemaResolver, pool: Set<string>): fc.Arbitrary<FuzzRequest> {
  const parameters = operation.parameters ?? [];
  const pathValue = fc.oneof(
    { arbitrary: fc.nat().map((i) => [...pool][i % Math.max(pool.size, 1)] ?? FAKE_IDS[0]!), weight: 4 },
    { arbitrary: fc.constantFrom(...FAKE_IDS), weight: 1 },
    { arbitrary: hostileValue.map(stringify), weight: 1 },
  );
  const pathArbs: Record<string, fc.Arbitrary<string>> = {};
  for (const p of parameters.filter((p) => p.in === 'path')) {
    pathArbs[p.name] = p.schema.enum || p.schema.type === 'integer' ? fuzzedValue(p.schema, resolve).map(stringify) : pathValue;
  }
  const queryArbs: Record<string, fc.Arbitrary<unknown>> = {};
  for (const p of parameters.filter((p) => p.in === 'query')) queryArbs[p.name] = fuzzedValue(p.schema, resolve);
  const contentType = Object.keys(operation.requestBody?.content ?? {})[0];
  const bodySchema = contentType ? operation.requestBody!.content[contentType]!.schema : undefined;
  const body: fc.Arbitrary<string | undefined> = !contentType
    ? fc.constant(undefined)
    : contentType.includes('json') && bodySchema
      ? fuzzedValue(bodySchema, resolve).map((v) => JSON.stringify(v) ?? 'null')
      : fc.string({ unit: 'binary', maxLength: 200 });

  return fc
    .record({
      params: fc.record(pathArbs),
      query: fc.record(queryArbs, { requiredKeys: [] }),
      body,
      ifMatch: fc.option(fc.oneof(fc.constantFrom('"1"', '"999"', '*', 'W/"1"'), fc.string({ maxLength: 12 })), { freq: 4 }),
      idempotencyKey: fc.option(fc.string({ minLength: 1, maxLength: 80 }), { freq: 4 }),
    })
    .map(({ params, query, body, ifMatch, idempotencyKey }) => {
      const filled = path.replace(/\{([A-Za-z_]+)\}/g, (_, name: string) => encodePathSegment(params[name] ?? ''));
      const search = new URLSearchParams();
      for (const [name, value] of Object.entries(query)) if (value !== undefined) search.set(name, stringify(value));
      const headers: Record<string, string> = {};
      if (contentType) headers['content-type'] = contentType;
      if (ifMatch !== null) headers['if-match'] = ifMatch;
      if (idempotencyKey !== null) headers['idempotency-key'] = idempotencyKey;
      const qs = search.toString();
      return { url: qs ? `${filled}?${qs}` : filled, headers, payload: body };
    });
}

/** fast-check's report, with long runs of one character folded so the cause stays readable. */
function readable(err: unknown): string {
  const cause = err instanceof Error && err.cause instanceof Error ? `\n  because: ${err.cause.message}` : '';
  const message = (err instanceof Error ? err.message : String(err)) + cause;
  return message.replace(/(.)\1{19,}/gs, (run, c: string) => `${c}{${run.length}}`).replace(/(%5B|%5D)+/g, (run) => (run.length > 60 ? `${run.slice(0, 3)}x${run.length / 3}` : run)).slice(0, 3000);
}

async function fuzzOperation(t: TapTest, h: TestApp, method: string, path: string, arbitrary: fc.Arbitrary<FuzzRequest>, pool: Set<string>) {
  const write = method !== 'GET';
  const property = fc.asyncProperty(arbitrary, async (req) => {
    const before = write ? await databaseSnapshot(h) : undefined;
    // h.request throws when the response breaks the documented contract.
    const res = await h.request({ method: method as 'GET', url: req.url, headers: req.headers, ...(req.payload !== undefined ? { payload: req.payload } : {}) });
    if (res.statusCode >= 500) throw new Error(`${res.statusCode}: ${res.body.slice(0, 300)}`);
    if (res.statusCode < 400) {
      if (String(res.headers['content-type'] ?? '').includes('json')) collectIds(res.json(), pool);
      return;
    }
    if (!String(res.headers['content-type']).startsWith('application/problem+json')) throw new Error(`${res.statusCode} is not problem+json`);
    if (before) {
      const after = await databaseSnapshot(h);
      const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
      if (changed.length > 0) throw new Error(`refused with ${res.statusCode} ${res.json().code} but changed ${changed.join(', ')}`);
    }
  });
  try {
    await fc.assert(property, { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}), endOnFailure: true });
    t.pass(`${method} ${path}: ${RUNS} fuzzed requests`);
  } catch (err) {
    t.fail(`${method} ${path}: ${readable(err)}`);
  }
}

t.test('every operation survives fuzzed input: no 5xx, documented answers, refusals change nothing', async (t) => {
  const h = await createTestApp({ BODY_LIMIT_BYTES: 1024 * 1024 });
  t.teardown(h.close);
  const document = h.app.swagger() as unknown as Document;
  const resolve: SchemaResolver = (ref) => {
    const schema = document.components.schemas[ref.replace('#/components/schemas/', '')];
    if (!schema) throw new Error(`unresolved ${ref}`);
    return schema;
  };
  const pool = new Set<string>();
  await h.request({ method: 'GET', url: '/v1/workspace' }); // the key's last use is recorded before any snapshot

  // Collections first (they create what the item routes then reach), deletions last.
  const order = (method: string, path: string) => (method === 'DELETE' ? 2 : path.includes('{') ? 1 : 0);
  const operations = Object.entries(document.paths)
    .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })))
    .filter((o) => o.path.startsWith('/v1'))
    .sort((a, b) => order(a.method, a.path) - order(b.method, b.path));
  t.ok(operations.length > 50, `${operations.length} operations`);
  for (const { path, method, op } of operations) {
    await fuzzOperation(t, h, method, path, requestArbitrary(path, op, resolve, pool), pool);
  }

  const graphqlBody = fc
    .record({ query: fc.oneof(fc.constantFrom('{ workspace { id name } }', '{ members(first: 5) { nodes { id } } }', '{', 'mutation { x }', '{ __typename }'), fc.string({ maxLength: 60 })), variables: hostileValue })
    .map((b) => JSON.stringify(b));
  const graphql = graphqlBody.map((payload) => ({ url: '/graphql', headers: { 'content-type': 'application/json' }, payload }));
  const gqlProperty = fc.asyncProperty(graphql, async (req) => {
    const res = await h.request({ method: 'POST', url: req.url, headers: req.headers, payload: req.payload });
    if (res.statusCode >= 500) throw new Error(`${res.statusCode}: ${res.body.slice(0, 300)}`);
  });
  await t.resolves(fc.assert(gqlProperty, { numRuns: RUNS * 5, ...(SEED !== undefined ? { seed: SEED } : {}) }), 'GraphQL: no 5xx');
  t.ok(pool.size > 0, `the fuzzer reached real objects (${pool.size} ids seen)`);
});
