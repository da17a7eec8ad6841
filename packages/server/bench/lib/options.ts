import { parseArgs } from 'node:util';

export interface BenchOptions {
  json: boolean;
  /** Also write the JSON document to this file (stdout under pnpm carries pnpm's own banner lines). */
  output: string | undefined;
  /** Seconds per side per round. */
  duration: number;
  rounds: number;
  /** Seconds of discarded load per side before the first round. */
  warmup: number;
  connections: number;
  /** A PostgreSQL server to create scratch databases on; the embedded database otherwise. */
  databaseUrl: string | undefined;
  /** Case names to run; empty for all. */
  cases: string[];
  help: boolean;
}

export const USAGE = `Usage: pnpm bench [options]

  --json                 print one JSON document on stdout (progress goes to stderr;
                         run as \`pnpm -s bench --json\` to drop pnpm's banner lines)
  --output <file>        also write the JSON document to <file>
  --duration <s>         seconds per side per round (BENCH_DURATION, default 5)
  --rounds <n>           alternating rounds per side (BENCH_ROUNDS, default 3)
  --warmup <s>           discarded seconds per side first (BENCH_WARMUP, default 3)
  --connections <n>      concurrent connections (BENCH_CONNECTIONS, default 32)
  --database-url <url>   PostgreSQL server for scratch databases (DATABASE_URL);
                         without it the embedded database (PGlite) is used
  --case <name>          run only this case (repeatable)
  --help                 this text
`;

// Bounds keep a mistyped flag from turning into an hour-long run.
function integer(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      json: { type: 'boolean', default: false },
      output: { type: 'string' },
      duration: { type: 'string' },
      rounds: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      'database-url': { type: 'string' },
      case: { type: 'string', multiple: true },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const databaseUrl = values['database-url'] ?? (env.DATABASE_URL || undefined);
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('The database URL must start with postgres:// or postgresql://');
  }
  return {
    json: values.json ?? false,
    output: values.output,
    duration: integer('--duration', values.duration ?? env.BENCH_DURATION, 5, 1, 120),
    rounds: integer('--rounds', values.rounds ?? env.BENCH_ROUNDS, 3, 1, 20),
    warmup: integer('--warmup', values.warmup ?? env.BENCH_WARMUP, 3, 0, 60),
    connections: integer('--connections', values.connections ?? env.BENCH_CONNECTIONS, 32, 1, 1000),
    databaseUrl,
    cases: values.case ?? [],
    help: values.help ?? false,
  };
}
