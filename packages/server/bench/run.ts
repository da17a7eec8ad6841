import { writeFile } from 'node:fs/promises';
import { caseNames, loadCase } from './lib/cases.ts';
import { describeMachine, loadAverage, type Machine } from './lib/machine.ts';
import { parseOptions, USAGE, type BenchOptions } from './lib/options.ts';
import { caseResult, formatReport, reportSettings, type CaseResult, type Report } from './lib/report.ts';
import { compareSides } from './lib/rounds.ts';
import { createScratchDatabase } from './lib/scratch-database.ts';
import { startServers } from './lib/server-host.ts';

/**
 * `pnpm bench`: every case under bench/cases/ (or those named with --case), each on a
 * fresh database, ours and its baseline measured alternately in the same run.
 */
let options: BenchOptions;
try {
  options = parseOptions(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const names = options.cases.length > 0 ? options.cases : caseNames();
const progress = (line: string) => process.stderr.write(`${line}\n`);
const loadAtStart = loadAverage();

// Whatever stops the run, the scratch databases and server processes go with it.
// Runs are chained, so that a signal arriving mid-case waits for the same cleanup.
const cleanups: (() => Promise<void>)[] = [];
let cleaning = Promise.resolve();
function cleanUp(): Promise<void> {
  cleaning = cleaning.then(async () => {
    for (const fn of cleanups.splice(0).reverse()) {
      await fn().catch((err: unknown) => progress(`cleanup failed: ${String(err)}`));
    }
  });
  return cleaning;
}
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    progress(`\n${signal}: cleaning up`);
    void cleanUp().finally(() => process.exit(130));
  });
}

const results: CaseResult[] = [];
let database: Machine['database'] | undefined;
try {
  for (const name of names) {
    const benchCase = await loadCase(name);
    progress(`${name}: ${benchCase.title}`);
    const scratch = await createScratchDatabase(options.databaseUrl);
    cleanups.push(scratch.drop);
    progress(`  database ${scratch.name}`);
    const host = startServers(name, scratch);
    cleanups.push(host.stop);
    const ready = await host.ready;
    database ??= { ...ready.database, where: scratch.where };
    const figures = await compareSides(ready, options, progress);
    await cleanUp();
    results.push(caseResult(name, benchCase, figures));
  }
} catch (err) {
  await cleanUp();
  if (!interrupted) progress(`bench failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(interrupted ? 130 : 1);
}

if (!database) throw new Error('no case ran');
const report: Report = {
  date: new Date().toISOString(),
  machine: describeMachine(database, loadAtStart),
  settings: reportSettings(options),
  cases: results,
};
const json = `${JSON.stringify(report, null, 2)}\n`;
if (options.output) await writeFile(options.output, json);
process.stdout.write(options.json ? json : `\n${formatReport(report)}`);
