import { Option, type Command } from 'commander';
import type { Diagnosis, DiagnosisCause } from '@sellerops/sdk';
import { commandContext } from '../context.ts';
import { UsageError } from '../errors.ts';
import { formatFields, formatTable } from '../table.ts';

const COMPARES = ['previous_period', 'previous_year'] as const;

interface DiagnoseOptions {
  product?: string;
  parentAsin?: string;
  productLine?: string;
  marketplace?: string;
  period?: string;
  from?: string;
  to?: string;
  compare?: (typeof COMPARES)[number];
}

const signed = (n: number) => `${n > 0 ? '+' : ''}${n}`;
const range = (r: Diagnosis['period']) => `${r.label ?? `${r.from}..${r.to}`} (${r.from} to ${r.to})`;

/** The diagnosis as an operator reads it: the split, then the causes by effect, then what is unknown. */
export function formatDiagnosis(d: Diagnosis): string {
  const lines: string[] = [];
  const units = d.decomposition?.units;
  lines.push(
    formatFields([
      ['period', range(d.period)],
      ['compared with', range(d.previous_period)],
      ['units', units ? `${units.previous} -> ${units.current} (${signed(units.change)})` : 'unknown'],
      ['traffic part', units ? signed(units.traffic_part) : '-'],
      ['conversion part', units ? signed(units.conversion_part) : '-'],
      ['sales', d.decomposition?.sales ? `${d.decomposition.sales.previous.amount} -> ${d.decomposition.sales.current.amount} ${d.decomposition.sales.change.currency}` : '-'],
    ]),
  );
  if (d.causes.length > 0) {
    lines.push('', formatTable<DiagnosisCause>(d.causes, [
      { header: 'rank', cell: (c) => String(c.rank) },
      { header: 'cause', cell: (c) => c.key },
      { header: 'units', cell: (c) => signed(c.estimated_units) },
      { header: 'explanation', cell: (c) => c.explanation },
    ]));
  }
  if (d.unknown.length > 0) lines.push('', 'Unknown (missing data):', ...d.unknown.map((u) => `  ${u.type}: no ${u.missing.join(', ')} in ${u.periods.join(' and ')}`));
  return lines.join('\n');
}

export function registerDiagnoseCommand(metrics: Command): void {
  metrics
    .command('diagnose')
    .description('Why orders changed: traffic and conversion parts, causes ranked by effect (a product, a parent ASIN, a product line or the whole catalog)')
    .option('--product <id>', 'one product')
    .option('--parent-asin <asin>', 'every child of a parent ASIN')
    .option('--product-line <line>', 'every product of a product line')
    .option('--marketplace <code>', 'only this marketplace, with --parent-asin, --product-line or neither')
    .option('--period <period>', 'an ISO week (2026-W47) or a month (2026-11); default the last full week')
    .option('--from <date>', 'first day of a day range, YYYY-MM-DD')
    .option('--to <date>', 'last day of a day range, YYYY-MM-DD')
    .addOption(new Option('--compare <compare>', 'default previous_period').choices(COMPARES))
    .action(async (options: DiagnoseOptions, command: Command) => {
      const ctx = commandContext(command);
      const period = {
        ...(options.period ? { period: options.period } : {}),
        ...(options.from ? { from: options.from } : {}),
        ...(options.to ? { to: options.to } : {}),
        ...(options.compare ? { compare: options.compare } : {}),
      };
      let diagnosis: Diagnosis;
      if (options.product) {
        if (options.parentAsin || options.productLine || options.marketplace) throw new UsageError('--product goes alone, without --parent-asin, --product-line or --marketplace');
        diagnosis = await ctx.client.GET('/v1/products/{id}/diagnosis', { params: { path: { id: options.product }, query: period } });
      } else {
        const scope = {
          ...(options.parentAsin ? { parent_asin: options.parentAsin } : {}),
          ...(options.productLine ? { product_line: options.productLine } : {}),
          ...(options.marketplace ? { marketplace: options.marketplace as never } : {}),
        };
        diagnosis = await ctx.client.GET('/v1/diagnosis', { params: { query: { ...scope, ...period } } });
      }
      if (ctx.json) ctx.printJson(diagnosis);
      else ctx.print(formatDiagnosis(diagnosis));
    });
}
