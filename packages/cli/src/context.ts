import type { Command } from 'commander';
import { createClient, type SellerOpsClient } from '@sellerops/sdk';
import { UsageError } from './errors.ts';
import { CLI_VERSION } from './version.ts';

/** The global options, as every command sees them. */
export interface GlobalOptions {
  baseUrl: string;
  apiKey?: string;
  json: boolean;
}

/** What a command needs: the API client, the key it uses, and how to print. */
export interface CommandContext {
  baseUrl: string;
  apiKey: string;
  client: SellerOpsClient;
  /** True when --json asks for raw JSON instead of tables. */
  json: boolean;
  /** Writes a line to stdout. */
  print(text?: string): void;
  /** Writes a value to stdout as indented JSON. */
  printJson(value: unknown): void;
}

export function globalOptions(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

function checkedBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--base-url "${value}" is not a URL; use e.g. http://127.0.0.1:3000`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--base-url must be an http or https URL, not "${value}"`);
  }
  return value;
}

/** Builds the context of a command from its global options; an absent API key is a usage error. */
export function commandContext(command: Command): CommandContext {
  const options = globalOptions(command);
  const baseUrl = checkedBaseUrl(options.baseUrl);
  if (!options.apiKey) throw new UsageError('no API key: pass --api-key <key> or set SELLEROPS_API_KEY');
  return {
    baseUrl,
    apiKey: options.apiKey,
    client: createClient({ baseUrl, apiKey: options.apiKey, userAgent: `sellerops-cli/${CLI_VERSION}` }),
    json: options.json,
    print: (text = '') => process.stdout.write(`${text}\n`),
    printJson: (value) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
  };
}
