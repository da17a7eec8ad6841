import { readFile, writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { parse, stringify } from 'yaml';
import type { Association, Resource, ResourceApply } from '@sellerops/sdk';
import { commandContext, type CommandContext } from '../context.ts';
import { UsageError } from '../errors.ts';
import { formatTable, type Column } from '../table.ts';
import { formatPlan } from './resource-plan.ts';

const DAY_MS = 86_400_000;

const RENEWAL_COLUMNS: Array<Column<Resource>> = [
  { header: 'renews on', cell: (r) => r.renews_on ?? '-' },
  { header: 'days', cell: (r) => String(Math.round((Date.parse(r.renews_on!) - Date.parse(new Date().toISOString().slice(0, 10))) / DAY_MS)) },
  { header: 'key', cell: (r) => r.key },
  { header: 'kind', cell: (r) => r.kind },
  { header: 'name', cell: (r) => r.name },
  { header: 'cost', cell: (r) => (r.cost ? `${r.cost.amount} ${r.cost.currency} ${r.cost.period}` : '-') },
];

/** `kind=tool,tag=eu` -> { kind: 'tool', tag: 'eu' }. */
export function parseSelector(text: string): NonNullable<ResourceApply['selector']> {
  const selector: Record<string, string> = {};
  for (const part of text.split(',')) {
    const [name, value, ...rest] = part.split('=');
    if ((name !== 'kind' && name !== 'tag') || !value || rest.length > 0) throw new UsageError(`--selector "${text}" is not kind=<kind>[,tag=<tag>]`);
    selector[name] = value.trim();
  }
  return selector as NonNullable<ResourceApply['selector']>;
}

async function readDocument(file: string): Promise<{ resources: ResourceApply['resources'] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  let document: unknown;
  try {
    // YAML 1.2 reads JSON too, so one parser takes both kinds of file.
    document = parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not valid YAML or JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  const resources = (document as { resources?: unknown } | null)?.resources;
  if (!Array.isArray(resources)) throw new UsageError(`${file} has no "resources:" list`);
  return { resources: resources as ResourceApply['resources'] };
}

/** A resource's id from its id or its key. */
async function resolveResource(ctx: CommandContext, keyOrId: string): Promise<Resource> {
  if (/^res_[0-9A-Za-z]+$/.test(keyOrId)) return ctx.client.GET('/v1/resources/{id}', { params: { path: { id: keyOrId } } });
  const page = await ctx.client.GET('/v1/resources', { params: { query: { key: keyOrId } } });
  const found = page.data[0];
  if (!found) throw new UsageError(`no resource has the key "${keyOrId}"`);
  return found;
}

function formatAssociations(account: Resource, pairs: Association[]): string {
  if (pairs.length === 0) return `${account.key} shares no identifying resource with another seller account.`;
  const lines = [`${account.key} shares identifying resources with ${pairs.length} seller account(s):`];
  for (const pair of pairs) {
    lines.push('', `${pair.other_account.key} (${pair.other_account.name}): ${pair.shared_count} shared`);
    for (const s of pair.shared) {
      lines.push(`  ${s.identifier} (${s.kind})`);
      lines.push(`      ${s.account_path.map((r) => r.key).join(' -> ')}`);
      lines.push(`      ${s.other_path.map((r) => r.key).join(' -> ')}`);
    }
  }
  return lines.join('\n');
}

export function registerResourcesCommands(program: Command): void {
  const resources = program.command('resources').description('Export and apply the resource inventory, see renewals and association risk');

  resources
    .command('export')
    .description('Write the inventory as YAML (to a file or stdout); apply takes it back')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .option('--kind <kind>', 'only this kind')
    .option('--tag <tag>', 'only resources with this tag')
    .action(async (options: { output?: string; kind?: string; tag?: string }, command: Command) => {
      const ctx = commandContext(command);
      const query = { ...(options.kind ? { kind: options.kind as Resource['kind'] } : {}), ...(options.tag ? { tag: options.tag } : {}) };
      const inventory = await ctx.client.GET('/v1/resources/export', { params: { query } });
      const text = ctx.json ? `${JSON.stringify(inventory, null, 2)}\n` : stringify(inventory, { lineWidth: 0 });
      if (options.output) {
        await writeFile(options.output, text);
        process.stderr.write(`Wrote ${inventory.resources.length} resources to ${options.output}.\n`);
      } else process.stdout.write(text);
    });

  resources
    .command('apply')
    .description('Apply an inventory file: create, update and (with --prune) archive, all or nothing')
    .requiredOption('-f, --file <file>', 'the inventory, YAML or JSON')
    .option('--dry-run', 'show the plan and change nothing', false)
    .option('--prune', 'archive what the selector covers and the file no longer lists', false)
    .addOption(new Option('--selector <selector>', 'what --prune may archive: kind=<kind>[,tag=<tag>]'))
    .action(async (options: { file: string; dryRun: boolean; prune: boolean; selector?: string }, command: Command) => {
      const ctx = commandContext(command);
      if (options.prune && !options.selector) throw new UsageError('--prune needs --selector, e.g. --selector kind=tool');
      if (options.selector && !options.prune) throw new UsageError('--selector only limits --prune; add --prune');
      const document = await readDocument(options.file);
      const body: ResourceApply = {
        resources: document.resources,
        dry_run: options.dryRun,
        prune: options.prune,
        ...(options.selector ? { selector: parseSelector(options.selector) } : {}),
      };
      const result = await ctx.client.POST('/v1/resources/apply', { body });
      if (ctx.json) ctx.printJson(result);
      else ctx.print(formatPlan(result));
    });

  resources
    .command('renewals')
    .description('What renews or expires soon, soonest first (overdue first)')
    .option('--within <days>', 'the horizon in days', '30')
    .action(async (options: { within: string }, command: Command) => {
      const ctx = commandContext(command);
      const within = Number(options.within);
      if (!Number.isInteger(within) || within < 0 || within > 3650) throw new UsageError('--within must be a number of days from 0 to 3650');
      const rows: Resource[] = [];
      for await (const r of ctx.client.paginate('/v1/resources/renewals', { params: { query: { within_days: within, limit: 200 } } })) rows.push(r);
      if (ctx.json) ctx.printJson(rows);
      else ctx.print(rows.length === 0 ? `Nothing renews or expires within ${within} days.` : formatTable(rows, RENEWAL_COLUMNS));
    });

  resources
    .command('associations')
    .description('Every other seller account that shares a phone, card, server or IP, browser profile or payment account with this one')
    .argument('<key-or-id>', 'the seller account, by key (acct-us-main) or id (res_...)')
    .action(async (keyOrId: string, _options: unknown, command: Command) => {
      const ctx = commandContext(command);
      const account = await resolveResource(ctx, keyOrId);
      const pairs: Association[] = [];
      for await (const pair of ctx.client.paginate('/v1/resources/{id}/associations', { params: { path: { id: account.id }, query: { limit: 200 } } })) pairs.push(pair);
      if (ctx.json) ctx.printJson(pairs);
      else ctx.print(formatAssociations(account, pairs));
    });
}
