import { Option, type Command } from 'commander';
import type { MetricSeries, SeriesPoint } from '@sellerops/sdk';
import { commandContext } from '../context.ts';
import { formatTable, type Column } from '../table.ts';
import { registerDiagnoseCommand } from './diagnose.ts';

const GRAINS = ['day', 'week', 'month'] as const;
const GROUP_BYS = ['product', 'parent_asin', 'product_line', 'marketplace', 'seller_account', 'none'] as const;
const COMPARES = ['previous_period', 'previous_year'] as const;

type Value = SeriesPoint['values'][string];

/** A number, money or null as a table cell: ratios to four places, money with its currency, null as `-`. */
function cell(value: Value | undefined): string {
  if (value === null || value === undefined) return '-';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(4);
  return `${value.amount} ${value.currency}`;
}

const percent = (change: number | null | undefined) => (change === null || change === undefined ? '-' : `${change >= 0 ? '+' : ''}${(change * 100).toFixed(1)}%`);

function seriesColumns(series: MetricSeries): Array<Column<SeriesPoint>> {
  const columns: Array<Column<SeriesPoint>> = [{ header: 'period', cell: (p) => p.period }];
  if (series.group_by !== 'none') columns.push({ header: series.group_by, cell: (p) => p.group.label ?? p.group.key ?? '-' });
  for (const measure of series.measures) {
    columns.push({ header: measure, cell: (p) => cell(p.values[measure]) });
    if (series.compare) {
      columns.push({ header: 'previous', cell: (p) => cell(p.previous?.[measure]) });
      columns.push({ header: 'change', cell: (p) => percent(p.change?.[measure]) });
    }
  }
  return columns;
}

export function registerMetricsCommands(program: Command): void {
  const metrics = program.command('metrics').description('Measures and series of the catalog (needs metrics:read)');
  registerDiagnoseCommand(metrics);

  metrics
    .command('series')
    .description('Print measures by period and group as a table')
    .requiredOption('--measures <keys>', 'comma-separated measure keys, e.g. sessions,conversion,acos')
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last day, YYYY-MM-DD')
    .addOption(new Option('--grain <grain>', 'period').choices(GRAINS).default('day'))
    .addOption(new Option('--group-by <group>', 'group').choices(GROUP_BYS).default('none'))
    .addOption(new Option('--compare <compare>', 'add the compared values and the change').choices(COMPARES))
    .option('--marketplace <code>', 'only this marketplace (US, UK, DE, ...)')
    .option('--product-line <line>', 'only this product line')
    .option('--product <ids>', 'only these products (comma-separated ids)')
    .action(
      async (
        options: { measures: string; from: string; to: string; grain: (typeof GRAINS)[number]; groupBy: (typeof GROUP_BYS)[number]; compare?: (typeof COMPARES)[number]; marketplace?: string; productLine?: string; product?: string },
        command: Command,
      ) => {
        const ctx = commandContext(command);
        const query = {
          measures: options.measures,
          from: options.from,
          to: options.to,
          grain: options.grain,
          group_by: options.groupBy,
          ...(options.compare ? { compare: options.compare } : {}),
          ...(options.marketplace ? { marketplace: options.marketplace as never } : {}),
          ...(options.productLine ? { product_line: options.productLine } : {}),
          ...(options.product ? { product_ids: options.product } : {}),
        };
        const series = await ctx.client.GET('/v1/metrics/series', { params: { query } });
        if (ctx.json) ctx.printJson(series);
        else ctx.print(series.data.length === 0 ? 'No data in this range.' : formatTable(series.data, seriesColumns(series)));
      },
    );
}
