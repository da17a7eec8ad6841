import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { parse } from 'yaml';
import { startTestServer } from '@sellerops/server/testing';
import { runCli } from './helpers/run-cli.ts';

const server = await startTestServer();
const dir = await mkdtemp(join(tmpdir(), 'sellerops-cli-'));
t.teardown(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const SAMPLE = fileURLToPath(new URL('../../../docs/examples/inventory.yaml', import.meta.url));
const sellerops = (args: string[]) => runCli(args, { SELLEROPS_URL: server.url, SELLEROPS_API_KEY: server.adminKey });

t.test('resources apply --dry-run prints the plan as a diff and changes nothing; apply carries it out', async (t) => {
  const dry = await sellerops(['resources', 'apply', '-f', SAMPLE, '--dry-run']);
  t.equal(dry.code, 0, dry.stderr);
  t.match(dry.stdout, /^\+ create acct-us-main \(seller_account\)$/m);
  t.match(dry.stdout, /^ {4}\+ attributes\.marketplace: "US"$/m);
  t.match(dry.stdout, /Plan: 21 to create, 0 to update, 0 to archive, 0 unchanged\. Dry run: nothing was changed\./);
  const none = await sellerops(['resources', 'export']);
  t.same(parse(none.stdout), { resources: [] }, 'the dry run wrote nothing');

  const applied = await sellerops(['resources', 'apply', '-f', SAMPLE]);
  t.equal(applied.code, 0, applied.stderr);
  t.match(applied.stdout, /Applied: 21 to create, 0 to update, 0 to archive, 0 unchanged\./);
  const again = await sellerops(['resources', 'apply', '-f', SAMPLE]);
  t.match(again.stdout, /^= 21 unchanged$/m);
  t.match(again.stdout, /Applied: 0 to create, 0 to update, 0 to archive, 21 unchanged\./);
});

t.test('resources export -o writes YAML that applies back as a no-op; an edit shows as a field change', async (t) => {
  const file = join(dir, 'inventory.yaml');
  const exported = await sellerops(['resources', 'export', '-o', file]);
  t.equal(exported.code, 0, exported.stderr);
  t.match(exported.stderr, /Wrote 21 resources to/);
  const text = await readFile(file, 'utf8');
  t.equal(parse(text).resources.length, 21);
  const noop = await sellerops(['resources', 'apply', '-f', file]);
  t.match(noop.stdout, /0 to create, 0 to update, 0 to archive, 21 unchanged/);

  await writeFile(file, text.replace('seats: 2', 'seats: 4'));
  const plan = await sellerops(['resources', 'apply', '-f', file, '--dry-run']);
  t.match(plan.stdout, /^~ update tool-helium10 \(tool\)\n {4}~ attributes\.seats: 2 -> 4$/m);
});

t.test('resources apply --prune archives within the selector only, and refuses to prune without one', async (t) => {
  const file = join(dir, 'tools.yaml');
  const tools = parse((await sellerops(['resources', 'export', '--kind', 'tool'])).stdout);
  tools.resources = tools.resources.filter((r: { key: string }) => r.key !== 'tool-junglescout');
  await writeFile(file, JSON.stringify(tools));
  const refused = await sellerops(['resources', 'apply', '-f', file, '--prune']);
  t.equal(refused.code, 2);
  t.match(refused.stderr, /--prune needs --selector/);
  const pruned = await sellerops(['resources', 'apply', '-f', file, '--prune', '--selector', 'kind=tool']);
  t.equal(pruned.code, 0, pruned.stderr);
  t.match(pruned.stdout, /^- archive tool-junglescout \(tool\)\n {4}~ status: "active" -> "retired"$/m);
  t.match(pruned.stdout, /0 to create, 0 to update, 1 to archive, 1 unchanged/);
  const badSelector = await sellerops(['resources', 'apply', '-f', file, '--prune', '--selector', 'colour=red']);
  t.equal(badSelector.code, 2);
});

t.test('an invalid file is refused with the item errors, and a card number never comes back', async (t) => {
  const file = join(dir, 'bad.yaml');
  await writeFile(file, 'resources:\n  - key: card-x\n    kind: credit_card\n    name: Card\n    notes: "4111 1111 1111 1111"\n    attributes: { bank: CMB, holder: Li, last4: "1111" }\n');
  const res = await sellerops(['resources', 'apply', '-f', file]);
  t.equal(res.code, 1);
  t.match(res.stderr, /code\s+secret_rejected/);
  t.match(res.stderr, /\/body\/resources\/0\/notes/);
  t.notMatch(res.stderr + res.stdout, /4111/);
});

t.test('resources renewals and associations', async (t) => {
  const renewals = await sellerops(['resources', 'renewals', '--within', '3650']);
  t.equal(renewals.code, 0, renewals.stderr);
  const [header, first] = renewals.stdout.split('\n');
  t.match(header, /^RENEWS ON\s+DAYS\s+KEY\s+KIND\s+NAME\s+COST$/);
  t.match(first, /^2026-09-15\s+-?\d+\s+am-zhang\s+account_manager/, 'soonest (here: overdue) first');
  const associations = await sellerops(['resources', 'associations', 'acct-us-main']);
  t.equal(associations.code, 0, associations.stderr);
  t.match(associations.stdout, /acct-us-main shares identifying resources with 1 seller account\(s\):/);
  t.match(associations.stdout, /acct-eu-de \(EU store \(DE\)\): 1 shared\n {2}pay-payoneer \(payment_account\)\n {6}acct-us-main -> pay-payoneer\n {6}acct-eu-de -> pay-payoneer/);
  const unknown = await sellerops(['resources', 'associations', 'no-such-account']);
  t.equal(unknown.code, 2);
});
