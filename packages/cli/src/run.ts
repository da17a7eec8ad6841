import { CommanderError } from 'commander';
import { ProblemError } from '@sellerops/sdk';
import { EXIT, UsageError, describeError } from './errors.ts';
import { DEFAULT_BASE_URL, createProgram } from './program.ts';

function printError(text: string): void {
  process.stderr.write(`${text}\n`);
}

/** Runs the CLI on `argv` (as in process.argv) and answers the exit code. */
export async function run(argv: string[]): Promise<number> {
  const program = createProgram();
  try {
    await program.parseAsync(argv);
    return EXIT.ok;
  } catch (error) {
    // Commander has already printed its message (or the help or version asked for).
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (error instanceof UsageError) {
      printError(`error: ${error.message}`);
      printError('(add --help for usage)');
      return EXIT.usage;
    }
    const options = program.opts<{ baseUrl?: string; json?: boolean }>();
    if (options.json && error instanceof ProblemError) printError(JSON.stringify(error.problem, null, 2));
    else for (const line of describeError(error, options.baseUrl ?? DEFAULT_BASE_URL)) printError(line);
    return EXIT.apiError;
  }
}
