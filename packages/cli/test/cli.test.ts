import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { startTestServer } from '@sellerops/server/testing';
import { closedPortUrl, runCli } from './helpers/run-cli.ts';

const server = await startTestServer();
t.teardown(server.close);

/** Runs the CLI against the test server with `key` (the admin key unless given). */
const sellerops = (args: string[], key: string = server.adminKey) => runCli(args, { SELLEROPS_URL: server.url, SELLEROPS_API_KEY: key });

const SECRET = /sk_[0-9A-Za-z]{20,}/;

t.test('whoami shows the workspace and the key in use', async (t) => {
  const result = await sellerops(['whoami']);
  t.equal(result.code, 0, result.stderr);
  t.match(result.stdout, new RegExp(`Workspace\\s+default \\(${server.workspaceId}\\)`));
  t.match(result.stdout, /API key\s+Initial admin key \(key_/);
  t.match(result.stdout, /Scopes\s+admin/);
  t.equal(result.stderr, '');
});

t.test('whoami --json prints the workspace and the key as JSON', async (t) => {
  const result = await sellerops(['whoami', '--json']);
  t.equal(result.code, 0, result.stderr);
  const body = JSON.parse(result.stdout);
  t.equal(body.workspace.id, server.workspaceId);
  t.equal(body.api_key.name, 'Initial admin key');
  t.same(body.api_key.scopes, ['admin']);
  t.equal(body.base_url, server.url);
});

t.test('whoami with a key that cannot list keys still shows itself', async (t) => {
  const reader = await server.createKey(['sop:read']);
  const result = await sellerops(['whoami'], reader);
  t.equal(result.code, 0, result.stderr);
  t.match(result.stdout, new RegExp(`Workspace\\s+default \\(${server.workspaceId}\\)`));
  t.match(result.stdout, /Scopes\s+sop:read/);
});

t.test('api-keys create, list and revoke', async (t) => {
  const created = await sellerops(['api-keys', 'create', '--name', 'nightly price sync', '--scope', 'sop:read', 'metrics:read']);
  t.equal(created.code, 0, created.stderr);
  t.match(created.stdout, /Created API key "nightly price sync" \(key_\w+\) with scopes sop:read, metrics:read\./);
  t.match(created.stdout, /shown only this once/);
  const secret = SECRET.exec(created.stdout)?.[0];
  const id = /\((key_\w+)\)/.exec(created.stdout)?.[1];
  if (!secret || !id) throw new Error(`no secret or id in:\n${created.stdout}`);

  const asNewKey = await sellerops(['whoami'], secret);
  t.equal(asNewKey.code, 0, 'the printed secret authenticates');

  const listed = await sellerops(['api-keys', 'list']);
  t.equal(listed.code, 0, listed.stderr);
  const [header, ...rows] = listed.stdout.trimEnd().split('\n');
  t.match(header, /^ID\s+NAME\s+PREFIX\s+SCOPES\s+STATUS\s+LAST USED\s+CREATED$/);
  const row = rows.find((line) => line.startsWith(id));
  t.ok(row, 'the new key is listed');
  t.match(row, /nightly price sync\s+sk_\w+\s+sop:read,metrics:read\s+active/);
  t.notMatch(listed.stdout, SECRET, 'no secret is ever listed');

  const revoked = await sellerops(['api-keys', 'revoke', id]);
  t.equal(revoked.code, 0, revoked.stderr);
  t.match(revoked.stdout, new RegExp(`Revoked API key "nightly price sync" \\(${id}\\)`));

  const afterRevoke = await sellerops(['whoami'], secret);
  t.equal(afterRevoke.code, 1, 'the revoked secret no longer authenticates');
  t.match(afterRevoke.stderr, /unauthenticated/);

  const revokedList = await sellerops(['api-keys', 'list', '--status', 'revoked', '--json']);
  t.equal(revokedList.code, 0, revokedList.stderr);
  t.same(
    JSON.parse(revokedList.stdout).map((key: { id: string }) => key.id),
    [id],
  );
  const activeList = await sellerops(['api-keys', 'list', '--status', 'active', '--json']);
  t.notOk(
    JSON.parse(activeList.stdout).some((key: { id: string }) => key.id === id),
    'the revoked key is not among the active ones',
  );
});

t.test('api-keys create --json prints the key with its secret', async (t) => {
  const result = await sellerops(['api-keys', 'create', '--name', 'ci', '--scope', 'resources:read', '--json']);
  t.equal(result.code, 0, result.stderr);
  const key = JSON.parse(result.stdout);
  t.match(key, { object: 'api_key', name: 'ci', scopes: ['resources:read'], secret: SECRET });
});

t.test('a bad key exits 1 and names the problem on stderr', async (t) => {
  const result = await sellerops(['whoami'], 'sk_not_a_real_key');
  t.equal(result.code, 1);
  t.equal(result.stdout, '');
  t.match(result.stderr, /code\s+unauthenticated/);
  t.match(result.stderr, /status\s+401/);
  t.match(result.stderr, /request_id\s+req_/);
});

t.test('with --json an API error is the problem document on stderr', async (t) => {
  const result = await sellerops(['api-keys', 'revoke', 'key_doesnotexist', '--json']);
  t.equal(result.code, 1);
  t.match(JSON.parse(result.stderr), { status: 404, code: 'not_found', request_id: /^req_/ });
});

t.test('usage errors exit 2 and say what is wrong', async (t) => {
  const missingName = await sellerops(['api-keys', 'create', '--scope', 'admin']);
  t.equal(missingName.code, 2);
  t.match(missingName.stderr, /required option '--name <name>'/);
  t.equal(missingName.stdout, '');

  const badScope = await sellerops(['api-keys', 'create', '--name', 'x', '--scope', 'everything']);
  t.equal(badScope.code, 2);
  t.match(badScope.stderr, /'everything' is invalid/);

  const unknownCommand = await sellerops(['frobnicate']);
  t.equal(unknownCommand.code, 2);
  t.match(unknownCommand.stderr, /unknown command 'frobnicate'/);

  const noKey = await runCli(['whoami'], { SELLEROPS_URL: server.url });
  t.equal(noKey.code, 2);
  t.match(noKey.stderr, /SELLEROPS_API_KEY/);

  const badUrl = await sellerops(['whoami', '--base-url', 'not a url']);
  t.equal(badUrl.code, 2);
  t.match(badUrl.stderr, /--base-url "not a url" is not a URL/);
});

t.test('--help exits 0 and lists the commands', async (t) => {
  const result = await runCli(['--help']);
  t.equal(result.code, 0);
  t.match(result.stdout, /whoami/);
  t.match(result.stdout, /api-keys/);
  t.match(result.stdout, /SELLEROPS_URL/);
});

const IMPORT_FIXTURES = new URL('../../server/test/fixtures/imports/', import.meta.url);

t.test('an unreachable API exits 1 with a clear message', async (t) => {
  const url = await closedPortUrl();
  const result = await runCli(['whoami'], { SELLEROPS_URL: url, SELLEROPS_API_KEY: 'sk_any' });
  t.equal(result.code, 1);
  t.equal(result.stderr, `error: cannot reach the API at ${url} (ECONNREFUSED)\n`);
  const upload = await runCli(['import', fileURLToPath(new URL('sp-search-term-us.csv', IMPORT_FIXTURES)), '--marketplace', 'US'], { SELLEROPS_URL: url, SELLEROPS_API_KEY: 'sk_any' });
  t.equal(upload.code, 1, 'the report upload too');
  t.equal(upload.stderr, `error: cannot reach the API at ${url} (ECONNREFUSED)\n`);
});


t.test('import uploads a report and prints the summary with rejected rows', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'sellerops-cli-import-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const path = join(dir, 'BusinessReport-by-date.csv');
  await writeFile(path, 'Date,Ordered Product Sales,Units Ordered,Total Order Items,Page Views,Sessions\n9/21/24,$10.00,1,1,5,4\nsoon,$1.00,1,1,5,4\n');

  const result = await sellerops(['import', path, '--marketplace', 'us']);
  t.equal(result.code, 0, result.stderr);
  t.match(result.stdout, /Imported BusinessReport-by-date\.csv as business_report_by_date \(US\): imp_\w+, completed_with_errors/);
  t.match(result.stdout, /Rows read\s+2\nAccepted\s+1\nRejected\s+1/);
  t.match(result.stdout, /Rejected rows:\nROW\s+COLUMN\s+REASON\n3\s+Date\s+"soon" is not a date/);
  t.notMatch(result.stderr, /error/, 'no progress bar or error on a pipe');

  const json = await sellerops(['--json', 'import', fileURLToPath(new URL('business-report-child-us.csv', IMPORT_FIXTURES)), '--marketplace', 'US', '--date', '2024-09-21']);
  t.equal(json.code, 0, json.stderr);
  t.match(JSON.parse(json.stdout), { object: 'import', type: 'business_report_by_child', rows_accepted: 4, products_created: 4 });
});

t.test('import refusals exit 1 with the problem; usage mistakes exit 2', async (t) => {
  const wrongType = await sellerops(['import', fileURLToPath(new URL('sp-search-term-us.csv', IMPORT_FIXTURES)), '--marketplace', 'US', '--type', 'fba_inventory', '--date', '2024-09-21']);
  t.equal(wrongType.code, 1);
  t.match(wrongType.stderr, /error: The file is a Sponsored Products: Search term report, not a FBA inventory/);
  t.match(wrongType.stderr, /code\s+report_type_mismatch/);

  const missing = await sellerops(['import', '/nonexistent/report.csv']);
  t.equal(missing.code, 2);
  t.match(missing.stderr, /no such file: \/nonexistent\/report\.csv/);

  const badType = await sellerops(['import', fileURLToPath(new URL('sp-search-term-us.csv', IMPORT_FIXTURES)), '--type', 'everything']);
  t.equal(badType.code, 2);
});
