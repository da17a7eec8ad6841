import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBigSearchTermReport } from '../test/helpers/big-report.ts';

/**
 * `pnpm --filter @sellerops/server check:import-memory [MB ...]`: starts the server in
 * a child process on a fresh embedded database (or on DATABASE_URL, which must name an
 * empty database), uploads a generated search term report of each size (default 50
 * and 200 MB), and prints the server's peak resident memory (VmHWM) for each. A
 * streamed import keeps the peak flat in the file's size.
 */
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const SIZES_MB = sizes.length > 0 ? sizes : [50, 200];
const BIN = fileURLToPath(new URL('../bin/sellerops-server.js', import.meta.url));

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

async function upload(url: string, key: string, path: string): Promise<Record<string, unknown>> {
  const boundary = `check-${randomBytes(8).toString('hex')}`;
  async function* body() {
    yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="marketplace"\r\n\r\nUS\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="search-terms.csv"\r\n\r\n`);
    yield* createReadStream(path, { highWaterMark: 256 * 1024 });
    yield Buffer.from(`\r\n--${boundary}--\r\n`);
  }
  const res = await fetch(`${url}/v1/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    body: ReadableStream.from(body()),
    duplex: 'half',
  } as RequestInit & { duplex: 'half' });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status !== 201) throw new Error(`import answered ${res.status}: ${JSON.stringify(json).slice(0, 500)}`);
  return json;
}

const dir = await mkdtemp(join(tmpdir(), 'sellerops-import-memory-'));
try {
  for (const mb of SIZES_MB) {
    const path = join(dir, `search-terms-${mb}mb.csv`);
    const report = await writeBigSearchTermReport(path, mb * 1024 * 1024);
    const port = await freePort();
    const key = `sk_${randomBytes(24).toString('hex')}`;
    const child = spawn(process.execPath, [BIN, 'serve'], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', SELLEROPS_DATA_DIR: join(dir, `data-${mb}`), SELLEROPS_BOOTSTRAP_KEY: key, LOG_LEVEL: 'warn', REQUEST_TIMEOUT_MS: '600000', MAX_EVENT_LOOP_DELAY_MS: '0' },
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
        `${mb} MB file (${report.bytes} bytes, ${report.rows} rows): imported ${String(result.rows_accepted)} rows in ${seconds.toFixed(1)} s ` +
          `(${Math.round(report.rows / seconds)} rows/s); server RSS idle ${idle.rssMb} MB, peak ${after.peakMb} MB\n`,
      );
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    await rm(path, { force: true });
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
