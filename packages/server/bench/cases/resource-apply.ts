import Fastify from 'fastify';
import { sql } from 'kysely';
import type { InventoryResource } from '@sellerops/schemas';
import type { Db } from '../../src/db/database.ts';
import { ID_PREFIX, newId } from '../../src/lib/ids.ts';
import { defineCase } from '../lib/case.ts';
import { startOurs } from '../lib/ours.ts';

const RESOURCES = 2_000;

/** A 2,000-resource inventory: tools, logistics channels and warehouses, with money and nested attributes. */
function inventory(): { resources: InventoryResource[] } {
  const resources: InventoryResource[] = [];
  for (let i = 0; i < RESOURCES; i++) {
    const n = String(i).padStart(4, '0');
    if (i % 3 === 0) {
      resources.push({ key: `tool-${n}`, kind: 'tool', name: `Tool ${n}`, tags: ['research'], cost: { amount: '99.00', currency: 'USD', period: 'monthly' }, renews_on: '2027-01-01', attributes: { category: 'keyword_research', plan: 'Pro', seats: 2 } });
    } else if (i % 3 === 1) {
      resources.push({
        key: `ship-${n}`,
        kind: 'logistics_channel',
        name: `Channel ${n}`,
        tags: ['us'],
        attributes: { mode: 'sea', carrier: `Carrier ${n}`, transit_days_min: 18, transit_days_max: 25, cost_per_kg: { amount: '1.20', currency: 'USD' }, on_time_rate: 0.9 },
        relations: i + 1 < RESOURCES ? [{ type: 'stores_at', to: `wh-${String(i + 1).padStart(4, '0')}` }] : [],
      });
    } else {
      resources.push({ key: `wh-${n}`, kind: 'warehouse', name: `Warehouse ${n}`, notes: 'West coast', attributes: { country: 'US', city: 'Ontario, CA', stability: 4, efficiency: 3 } });
    }
  }
  return { resources };
}

/**
 * The least work that reaches the same state: one upsert of the same rows, keyed like
 * apply, writing only rows that differ, with no validation, diff, relations or audit.
 */
async function upsert(db: Db, workspaceId: string, resources: InventoryResource[]): Promise<number> {
  const rows = resources.map((r) => ({
    id: newId(ID_PREFIX.resource),
    key: r.key,
    kind: r.kind,
    name: r.name,
    status: r.status ?? 'active',
    tags: r.tags ?? [],
    cost_amount: r.cost?.amount ?? null,
    cost_currency: r.cost?.currency ?? null,
    cost_period: r.cost?.period ?? null,
    renews_on: r.renews_on ?? null,
    notes: r.notes ?? null,
    attributes: r.attributes ?? {},
  }));
  const result = await sql`
    insert into resources (workspace_id, id, key, kind, name, status, tags, cost_amount, cost_currency, cost_period, renews_on, notes, attributes)
    select ${workspaceId}, x.id, x.key, x.kind, x.name, x.status, x.tags, x.cost_amount, x.cost_currency, x.cost_period, x.renews_on, x.notes, x.attributes
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id text, key text, kind text, name text, status text, tags text[], cost_amount numeric,
      cost_currency text, cost_period text, renews_on date, notes text, attributes jsonb)
    on conflict (workspace_id, key) do update set
      name = excluded.name, status = excluded.status, tags = excluded.tags, cost_amount = excluded.cost_amount, cost_currency = excluded.cost_currency,
      cost_period = excluded.cost_period, renews_on = excluded.renews_on, notes = excluded.notes, attributes = excluded.attributes
    where (resources.name, resources.status, resources.tags, resources.cost_amount, resources.cost_currency, resources.cost_period, resources.renews_on, resources.notes, resources.attributes)
      is distinct from (excluded.name, excluded.status, excluded.tags, excluded.cost_amount, excluded.cost_currency, excluded.cost_period, excluded.renews_on, excluded.notes, excluded.attributes)`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export default defineCase({
  title: `POST /v1/resources/apply of an unchanged ${RESOURCES.toLocaleString('en')}-resource file (validate, read, diff: the scheduled re-apply of a script) vs a bare route running one set-based upsert of the same rows`,
  unit: 'req/s',
  target: 0.3,
  async serve({ database }) {
    // Load shedding off: on the embedded engine one apply of 2,000 resources holds the
    // event loop past the 1 s limit, and the guard would answer the next requests 503.
    const { app: ours, url: oursUrl, headers, workspaceId } = await startOurs(database, { MAX_EVENT_LOOP_DELAY_MS: 0 });
    const document = inventory();
    const body = JSON.stringify(document);
    const json = { ...headers, 'content-type': 'application/json' };

    const baseline = Fastify({ logger: false, bodyLimit: 10_000_000 });
    baseline.post('/v1/resources/apply', async (request) => ({ written: await upsert(database.db, workspaceId, (request.body as typeof document).resources) }));
    const baselineUrl = await baseline.listen({ port: 0, host: '127.0.0.1' });

    // Seeding keeps the event loop busy; load shedding answers 503 until its delay sample settles.
    const post = async (url: string) => {
      let response = await fetch(url, { method: 'POST', headers: json, body });
      for (let attempt = 0; response.status === 503 && attempt < 40; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        response = await fetch(url, { method: 'POST', headers: json, body });
      }
      return response;
    };
    // The first apply creates the inventory (timed once, for the record); then both sides
    // must find nothing to write.
    const started = performance.now();
    const first = await post(`${oursUrl}/v1/resources/apply`);
    const created = (await first.json()) as { summary?: { create: number } };
    if (first.status !== 200 || created.summary?.create !== RESOURCES) throw new Error(`the first apply answered ${first.status}: ${JSON.stringify(created).slice(0, 300)}`);
    process.stderr.write(`  first apply created ${RESOURCES} resources and ${Math.floor(RESOURCES / 3)} relations in ${Math.round(performance.now() - started)} ms\n`);
    const again = (await (await post(`${oursUrl}/v1/resources/apply`)).json()) as { summary: { unchanged: number } };
    const upserted = (await (await post(`${baselineUrl}/v1/resources/apply`)).json()) as { written: number };
    if (again.summary.unchanged !== RESOURCES || upserted.written !== 0) throw new Error(`a re-apply wrote something: ours ${JSON.stringify(again.summary)}, baseline ${upserted.written} rows`);

    return {
      ours: { url: `${oursUrl}/v1/resources/apply`, method: 'POST', headers: json, body },
      baseline: { url: `${baselineUrl}/v1/resources/apply`, method: 'POST', headers: json, body },
      async close() {
        await Promise.all([ours.close(), baseline.close()]);
      },
    };
  },
});
