import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createScratchDatabase } from '../bench/lib/scratch-database.ts';
import { writeBigSearchTermReport } from '../test/helpers/big-report.ts';

/**
 * `pnpm --filter @sellerops/server check:import-memory [MB ...]`: for each size
 * (default 50 and 200 MB), starts the server in a child process on a fresh database
 * (embedded, or a scratch database on the PostgreSQL server of DATABASE_URL), imports
 * a generated search term report with the real `sellerops import` command, and prints
 * the server's peak resident memory (VmHWM). A streamed import keeps the peak flat in
 * the file's size.
 */
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const SIZES_MB = sizes.length > 0 ? sizes : [50, 200];
const BIN = fileURLToPath(new URL('../bin/sellerops-server.js', import.meta.url));
const CLI = fileURLToPath(new URL('../../cli/bin/sellerops.js', import.meta.url));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function memoryOf(pid: number): Promise<{ rssMb: number; peakMb: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}

async function waitReady(url: string): Promise<void> {
  for (let i = 0; i < 1500; i++) {
    try {
      if ((await fetch(`${url}/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the server did not become ready');
}

/** The import as a script author runs it: `sellerops --json import <file> --marketplace US`. */
async function upload(url: string, key: string, path: string): Promise<Record<string, unknown>> {
  const { stdout } = await promisify(execFile)(process.execPath, [CLI, '--json', 'import', path, '--marketplace', 'US'], {
    env: { ...process.env, SELLEROPS_URL: url, SELLEROPS_API_KEY: key },
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

const dir = await mkdtemp(join(tmpdir(), 'sellerops-import-memory-'));
try {
  for (const mb of SIZES_MB) {
    const path = join(dir, `search-terms-${mb}mb.csv`);
    const report = await writeBigSearchTermReport(path, mb * 1024 * 1024);
    const port = await freePort();
    const key = `sk_${randomBytes(24).toString('hex')}`;
    const database = await createScratchDatabase(process.env.DATABASE_URL || undefined);
    const { DATABASE_URL: _server, ...inherited } = process.env;
    const where = database.connect.databaseUrl ? { DATABASE_URL: database.connect.databaseUrl } : { SELLEROPS_DATA_DIR: database.connect.dataDir! };
    const child = spawn(process.execPath, [BIN, 'serve'], {
      env: { ...inherited, ...where, PORT: String(port), HOST: '127.0.0.1', SELLEROPS_BOOTSTRAP_KEY: key, LOG_LEVEL: 'warn', MAX_EVENT_LOOP_DELAY_MS: '0' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    try {
      const url = `http://127.0.0.1:${port}`;
      await waitReady(url);
      const idle = await memoryOf(child.pid!);
      const started = Date.now();
      const result = await upload(url, key, path);
      const seconds = (Date.now() - started) / 1000;
      const after = await memoryOf(child.pid!);
      process.stdout.write(
        `${mb} MB file on ${database.engine} (${report.bytes} bytes, ${report.rows} rows): imported ${String(result.rows_accepted)} rows in ${seconds.toFixed(1)} s ` +
          `(${Math.round(report.rows / seconds)} rows/s); server RSS idle ${idle.rssMb} MB, peak ${after.peakMb} MB\n`,
      );
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await database.drop();
    }
    await rm(path, { force: true });
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
