import Fastify from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../../src/db/database.ts';
import { ID_PREFIX, newId } from '../../src/lib/ids.ts';
import { insertRelationRows, insertResources } from '../../src/modules/resources/apply.repository.ts';
import { defineCase } from '../lib/case.ts';
import { startOurs } from '../lib/ours.ts';

const ACCOUNTS = 1_000;
const PAGE = 50;

/**
 * 5,000 resources: 1,000 seller accounts, each with its own browser profile on a cloud
 * server, a phone number and a payment account. Sharing as it happens: every seventh
 * account also uses the previous account's phone, every eleventh pays out to the
 * previous account's payment account, and servers are recycled so that every thirteenth
 * server carries the IP of another (a direct and an indirect path, and IP sharing).
 */
async function seed(db: Db, workspaceId: string): Promise<void> {
  const resources: Parameters<typeof insertResources>[2] = [];
  const relations: Parameters<typeof insertRelationRows>[2] = [];
  const add = (kind: string, key: string, attributes: Record<string, unknown>) => {
    const id = newId(ID_PREFIX.resource);
    resources.push({ id, key, kind, name: key, status: 'active', owner_member_id: null, tags: [], cost_amount: null, cost_currency: null, cost_period: null, acquired_on: null, renews_on: null, contacts: [], notes: null, attributes });
    return id;
  };
  const relate = (type: string, from: string, to: string) => relations.push({ id: newId(ID_PREFIX.resource_relation), type, from_id: from, to_id: to, since: null, until: null, notes: null });
  const phones: string[] = [];
  const payments: string[] = [];
  for (let i = 0; i < ACCOUNTS; i++) {
    const n = String(i).padStart(4, '0');
    const account = add('seller_account', `acct-${n}`, { marketplace: 'US', entity: `Entity ${n}` });
    const ip = i % 13 === 0 && i > 0 ? `10.0.${Math.floor((i - 1) / 250)}.${(i - 1) % 250}` : `10.0.${Math.floor(i / 250)}.${i % 250}`;
    const server = add('cloud_server', `vps-${n}`, { provider: 'Vultr', ip });
    const profile = add('browser_profile', `profile-${n}`, { tool: 'AdsPower' });
    phones.push(add('phone_number', `phone-${n}`, { number: `+1415555${n}`, provider: 'Google Voice', type: 'cloud_number' }));
    payments.push(add('payment_account', `pay-${n}`, { provider: 'Payoneer', type: 'third_party_collector', fee_rate: 0.01, corporate_account: true, tax_rebate_support: false }));
    relate('uses', account, profile);
    relate('hosted_on', profile, server);
    relate('verified_with', account, phones[i]!);
    relate('pays_out_to', account, payments[i]!);
    if (i % 7 === 0 && i > 0) relate('verified_with', account, phones[i - 1]!);
    if (i % 11 === 0 && i > 0) relate('pays_out_to', account, payments[i - 1]!);
  }
  await insertResources(db, workspaceId, resources);
  await insertRelationRows(db, workspaceId, relations);
  await sql`analyze resources, resource_relations`.execute(db);
}

/**
 * The same question in hand-written SQL for the shapes the seed has (account -> X,
 * account -> profile -> server): joins of fixed depth rather than a general walk.
 */
async function risksBySql(db: Db, workspaceId: string) {
  const result = await sql<{ account: string; other: string; shared_count: number }>`
    with held as (
      select r.from_id as account_id, case when t.kind = 'cloud_server' then 'ip:' || lower(t.attributes->>'ip') else t.id end as ident
      from resource_relations r
      join resources a on a.workspace_id = r.workspace_id and a.id = r.from_id and a.kind = 'seller_account'
      join resources t on t.workspace_id = r.workspace_id and t.id = r.to_id
        and t.kind in ('phone_number', 'credit_card', 'cloud_server', 'browser_profile', 'payment_account')
      where r.workspace_id = ${workspaceId}
      union
      select r1.from_id, 'ip:' || lower(s.attributes->>'ip')
      from resource_relations r1
      join resources a on a.workspace_id = r1.workspace_id and a.id = r1.from_id and a.kind = 'seller_account'
      join resources p on p.workspace_id = r1.workspace_id and p.id = r1.to_id and p.kind = 'browser_profile'
      join resource_relations r2 on r2.workspace_id = r1.workspace_id and r2.from_id = p.id
      join resources s on s.workspace_id = r2.workspace_id and s.id = r2.to_id and s.kind = 'cloud_server'
      where r1.workspace_id = ${workspaceId}
    ),
    pairs as (
      select x.account_id as a, y.account_id as b, count(*)::int as shared_count
      from held x join held y on y.ident = x.ident and x.account_id < y.account_id
      group by 1, 2
    )
    select ra.key as account, rb.key as other, p.shared_count
    from pairs p
    join resources ra on ra.workspace_id = ${workspaceId} and ra.id = p.a
    join resources rb on rb.workspace_id = ${workspaceId} and rb.id = p.b
    order by p.shared_count desc, ra.key, rb.key
    limit ${PAGE}`.execute(db);
  return result.rows;
}

export default defineCase({
  title: `GET /v1/association-risks (first ${PAGE} pairs over ${(ACCOUNTS * 5).toLocaleString('en')} resources, a recursive walk through the whole app) vs a bare route running fixed-depth hand-written SQL`,
  unit: 'req/s',
  target: 0.3,
  async serve({ database }) {
    const { app: ours, url: oursUrl, headers, workspaceId } = await startOurs(database);
    await seed(database.db, workspaceId);
    const path = `/v1/association-risks?limit=${PAGE}`;

    const baseline = Fastify({ logger: false });
    baseline.get('/v1/association-risks', async () => ({ object: 'list', data: await risksBySql(database.db, workspaceId) }));
    const baselineUrl = await baseline.listen({ port: 0, host: '127.0.0.1' });

    // Both sides must find the same pairs with the same counts, in the same order.
    const read = async (url: string): Promise<string[]> => {
      let response = await fetch(url, { headers });
      for (let attempt = 0; response.status === 503 && attempt < 40; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        response = await fetch(url, { headers });
      }
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
      const body = (await response.json()) as { data: Array<{ account: string | { key: string }; other?: string; other_account?: { key: string }; shared_count: number }> };
      return body.data.map((p) => {
        const keys = typeof p.account === 'string' ? [p.account, p.other!] : [p.account.key, p.other_account!.key];
        return `${keys.sort().join('+')}:${p.shared_count}`;
      });
    };
    const oursPairs = await read(`${oursUrl}${path}`);
    const basePairs = await read(`${baselineUrl}${path}`);
    if (oursPairs.length !== PAGE || [...oursPairs].sort().join(',') !== [...basePairs].sort().join(',')) {
      throw new Error(`ours and the baseline find different pairs:\n${oursPairs.slice(0, 5).join(',')}\n${basePairs.slice(0, 5).join(',')}`);
    }

    return {
      ours: { url: `${oursUrl}${path}`, headers },
      baseline: { url: `${baselineUrl}${path}`, headers },
      async close() {
        await Promise.all([ours.close(), baseline.close()]);
      },
    };
  },
});
