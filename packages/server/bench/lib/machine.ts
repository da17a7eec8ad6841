import os from 'node:os';
import type { Engine } from '../../src/db/connect.ts';

export interface Machine {
  cpu: string;
  cores: number;
  memory_gib: number;
  node: string;
  os: string;
  /**
   * 1-minute load average when the run started (other work on the machine skews
   * figures) and when it ended (which includes the benchmark's own load).
   */
  load_average: { start: number; end: number };
  database: { engine: Engine; version: string; where: string };
}

export function loadAverage(): number {
  return Math.round(os.loadavg()[0]! * 100) / 100;
}

/** What a figure was measured on: without it a figure cannot be compared with another. */
export function describeMachine(database: Machine['database'], loadAtStart: number): Machine {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memory_gib: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    load_average: { start: loadAtStart, end: loadAverage() },
    database,
  };
}
