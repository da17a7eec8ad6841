import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

/** The real command, as the README starts it: config from the environment, a real port. */
export const SERVER_BIN = new URL('../../bin/sellerops-server.js', import.meta.url).pathname;

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as { port: number }).port;
  server.close();
  await once(server, 'close');
  return port;
}

export interface RunningServer {
  child: ChildProcess;
  url: string;
  port: number;
  output: () => string;
}

/** Starts `sellerops-server serve` with `env` and waits until /health answers. */
export async function startServer(env: Record<string, string>, port?: number): Promise<RunningServer> {
  const listenPort = port ?? (await freePort());
  const child = spawn(process.execPath, [SERVER_BIN, 'serve'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env, PORT: String(listenPort) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${listenPort}`;
  // Generous: start-up compiles every route's schemas, slow on a busy machine.
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return { child, url, port: listenPort, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start in time:\n${output}`);
}

/** Sends `signal` and waits for the exit code (null when killed by the signal). */
export async function stopServer(running: RunningServer, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (running.child.exitCode !== null || running.child.signalCode !== null) return running.child.exitCode;
  running.child.kill(signal);
  const [code] = (await once(running.child, 'exit')) as [number | null];
  return code;
}
