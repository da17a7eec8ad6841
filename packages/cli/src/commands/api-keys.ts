import { Option, type Command } from 'commander';
import { SCOPES, type ApiKey, type Scope } from '@sellerops/sdk';
import { commandContext } from '../context.ts';
import { formatTable, formatTimestamp, type Column } from '../table.ts';

const STATUSES = ['all', 'active', 'revoked'] as const;
type Status = (typeof STATUSES)[number];

const KEY_COLUMNS: Array<Column<ApiKey>> = [
  { header: 'id', cell: (key) => key.id },
  { header: 'name', cell: (key) => key.name },
  { header: 'prefix', cell: (key) => key.prefix },
  { header: 'scopes', cell: (key) => key.scopes.join(',') },
  { header: 'status', cell: (key) => (key.revoked_at === null ? 'active' : 'revoked') },
  { header: 'last used', cell: (key) => formatTimestamp(key.last_used_at) },
  { header: 'created', cell: (key) => formatTimestamp(key.created_at) },
];

export function registerApiKeysCommands(program: Command): void {
  const apiKeys = program.command('api-keys').description('List, create and revoke API keys (needs the admin scope)');

  apiKeys
    .command('list')
    .description('List the API keys of the workspace (never their secrets)')
    .addOption(new Option('--status <status>', 'which keys to list').choices(STATUSES).default('all'))
    .action(async (options: { status: Status }, command: Command) => {
      const ctx = commandContext(command);
      const query = options.status === 'all' ? { limit: 200 } : { limit: 200, revoked: options.status === 'revoked' };
      const keys: ApiKey[] = [];
      for await (const key of ctx.client.paginate('/v1/api-keys', { params: { query } })) keys.push(key);

      if (ctx.json) ctx.printJson(keys);
      else ctx.print(keys.length === 0 ? 'No API keys.' : formatTable(keys, KEY_COLUMNS));
    });

  apiKeys
    .command('create')
    .description('Create an API key; its secret is printed once and never again')
    .requiredOption('--name <name>', 'what the key is for, e.g. "nightly price sync"')
    .addOption(new Option('--scope <scopes...>', 'one or more scopes (`admin` implies all)').choices(SCOPES).makeOptionMandatory())
    .option('--member <id>', 'the member the key acts for')
    .action(async (options: { name: string; scope: Scope[]; member?: string }, command: Command) => {
      const ctx = commandContext(command);
      const key = await ctx.client.POST('/v1/api-keys', {
        body: { name: options.name, scopes: options.scope, ...(options.member ? { member_id: options.member } : {}) },
      });

      if (ctx.json) {
        ctx.printJson(key);
        return;
      }
      ctx.print(`Created API key "${key.name}" (${key.id}) with scopes ${key.scopes.join(', ')}.`);
      ctx.print();
      ctx.print('Secret, shown only this once; store it now (only its hash is kept):');
      ctx.print();
      ctx.print(`  ${key.secret}`);
      ctx.print();
    });

  apiKeys
    .command('revoke')
    .description('Revoke an API key: it stops working at once and stays listed as revoked')
    .argument('<id>', 'the id of the key, e.g. key_01J...')
    .action(async (id: string, _options: unknown, command: Command) => {
      const ctx = commandContext(command);
      const key = await ctx.client.DELETE('/v1/api-keys/{id}', { params: { path: { id } } });

      if (ctx.json) ctx.printJson(key);
      else ctx.print(`Revoked API key "${key.name}" (${key.id}) at ${formatTimestamp(key.revoked_at)}. It no longer authenticates.`);
    });
}
