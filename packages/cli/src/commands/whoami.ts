import type { Command } from 'commander';
import { commandContext } from '../context.ts';
import { formatFields, formatTimestamp } from '../table.ts';

export function registerWhoamiCommand(program: Command): void {
  program
    .command('whoami')
    .description('Show the workspace and the API key in use')
    .action(async (_options: unknown, command: Command) => {
      const ctx = commandContext(command);
      const workspace = await ctx.client.GET('/v1/workspace');
      const key = await ctx.client.GET('/v1/api-keys/current');

      if (ctx.json) {
        ctx.printJson({ base_url: ctx.baseUrl, workspace, api_key: key });
        return;
      }
      const keyFields: Array<[string, string]> = [
        ['API key', `${key.name} (${key.id})`],
        ['Prefix', key.prefix],
        ['Scopes', key.scopes.join(', ')],
        ['Member', key.member_id ?? '-'],
        ['Last used', formatTimestamp(key.last_used_at)],
      ];
      ctx.print(
        formatFields([
          ['Workspace', `${workspace.name} (${workspace.id})`],
          ['Slug', workspace.slug],
          ...keyFields,
          ['API', ctx.baseUrl],
        ]),
      );
    });
}
