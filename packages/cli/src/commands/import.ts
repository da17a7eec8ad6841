import { Option, type Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { REPORT_TYPES, type Import } from '@sellerops/sdk';
import { commandContext } from '../context.ts';
import { UsageError } from '../errors.ts';
import { formatFields, formatTable, type Column } from '../table.ts';
import { uploadReport } from '../upload.ts';

/** Rejected rows printed in the summary; the import keeps up to 1,000 (`--json` shows them). */
const SHOWN_ERRORS = 20;

const ERROR_COLUMNS: Array<Column<Import['errors'][number]>> = [
  { header: 'row', cell: (e) => String(e.row) },
  { header: 'column', cell: (e) => e.column ?? '-' },
  { header: 'reason', cell: (e) => e.reason },
];

interface ImportOptions {
  type?: string;
  marketplace?: string;
  date?: string;
  period?: string;
  sellerAccount?: string;
  allOrNothing: boolean;
}

function summary(result: Import): string {
  const lines = [
    `Imported ${result.filename ?? 'the file'} as ${result.type} (${result.marketplace}${result.date ? `, ${result.date}` : ''}): ${result.id}, ${result.status}`,
    '',
    formatFields([
      ['Rows read', String(result.rows_read)],
      ['Accepted', String(result.rows_accepted)],
      ['Rejected', String(result.rows_rejected)],
      ['Skipped', `${result.rows_skipped} (totals, repeats, cancelled or other marketplaces' orders)`],
      ['Facts', `${result.facts_inserted} new, ${result.facts_updated} changed, ${result.facts_unchanged} unchanged`],
      ['New products', String(result.products_created)],
      ...(result.unknown_columns.length > 0 ? [['Unknown columns', result.unknown_columns.join(', ')] as [string, string]] : []),
    ]),
  ];
  if (result.errors.length > 0) {
    const shown = result.errors.slice(0, SHOWN_ERRORS);
    lines.push('', `Rejected rows${result.rows_rejected > shown.length ? ` (the first ${shown.length} errors of ${result.rows_rejected} rows; --json lists up to 1,000)` : ''}:`, formatTable(shown, ERROR_COLUMNS));
  }
  return lines.join('\n');
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description("Import one of Amazon's report files (CSV, TSV, XLSX or JSON) into the metrics")
    .argument('<file>', 'the report file')
    .addOption(new Option('--type <type>', 'the report type (detected from the header when absent)').choices(REPORT_TYPES))
    .option('--marketplace <code>', 'the marketplace the report is from, e.g. US, UK, DE')
    .option('--date <YYYY-MM-DD>', 'the day a report without a date column covers')
    .option('--period <FROM..TO>', 'the same as --date, as a one-day period')
    .option('--seller-account <id>', 'the seller account the report belongs to')
    .option('--all-or-nothing', 'write nothing if any row is rejected', false)
    .action(async (file: string, options: ImportOptions, command: Command) => {
      const ctx = commandContext(command);
      if (options.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.date)) throw new UsageError(`--date must be YYYY-MM-DD, not "${options.date}"`);
      const fields: Record<string, string> = {};
      if (options.type) fields.type = options.type;
      if (options.marketplace) fields.marketplace = options.marketplace.toUpperCase();
      if (options.date) fields.date = options.date;
      if (options.period) fields.period = options.period;
      if (options.sellerAccount) fields.seller_account_id = options.sellerAccount;
      if (options.allOrNothing) fields.all_or_nothing = 'true';

      // The bar goes to stderr, and only on a terminal: stdout stays the summary (or JSON).
      const bar = new SingleBar({ stream: process.stderr, format: 'Uploading [{bar}] {percentage}% {value}/{total} bytes', hideCursor: true, clearOnComplete: true }, Presets.shades_classic);
      let started = false;
      let result: Import;
      try {
        result = await uploadReport({
          baseUrl: ctx.baseUrl,
          apiKey: ctx.apiKey,
          path: file,
          fields,
          onProgress: (sent, total) => {
            if (!started) {
              bar.start(total, 0);
              started = true;
            }
            bar.update(sent);
          },
        });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`no such file: ${file}`);
        throw error;
      } finally {
        if (started) bar.stop();
      }
      if (ctx.json) ctx.printJson(result);
      else ctx.print(summary(result));
    });
}
