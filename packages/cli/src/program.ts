import { Command, Option } from 'commander';
import { registerApiKeysCommands } from './commands/api-keys.ts';
import { registerImportCommand } from './commands/import.ts';
import { registerMetricsCommands } from './commands/metrics.ts';
import { registerResourcesCommands } from './commands/resources.ts';
import { registerWhoamiCommand } from './commands/whoami.ts';
import { CLI_VERSION } from './version.ts';

export const DEFAULT_BASE_URL = 'http://127.0.0.1:3000';

/**
 * Command groups, one file each under commands/. A group registers itself on the
 * program with `program.command(...)`, so it inherits the program's error handling.
 */
const COMMAND_GROUPS: Array<(program: Command) => void> = [registerWhoamiCommand, registerApiKeysCommands, registerImportCommand, registerMetricsCommands, registerResourcesCommands];

/** The `sellerops` program: global options and every command group. */
export function createProgram(): Command {
  const program = new Command('sellerops')
    .description('The sellerops command line: talk to a sellerops API with an API key of your workspace.')
    .version(CLI_VERSION)
    .addOption(new Option('--base-url <url>', 'where the API lives').env('SELLEROPS_URL').default(DEFAULT_BASE_URL))
    .addOption(new Option('--api-key <key>', 'an API key of your workspace (prefer the environment variable: arguments show in ps)').env('SELLEROPS_API_KEY'))
    .option('--json', 'print raw JSON instead of tables', false)
    .showHelpAfterError('(add --help for usage)')
    // Errors become exceptions so that run() decides the exit code (2 for usage errors).
    .exitOverride();
  for (const register of COMMAND_GROUPS) register(program);
  return program;
}
