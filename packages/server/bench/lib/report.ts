import type { BenchCase } from './case.ts';
import type { Machine } from './machine.ts';
import type { RoundSettings, Side, SideFigures } from './rounds.ts';

export interface CaseResult {
  name: string;
  title: string;
  unit: BenchCase['unit'];
  ours: number;
  baseline: number;
  ratio: number;
  target: number | null;
  target_met: boolean | null;
  latency_ms: Record<Side, { p50: number; p99: number }>;
  /** Each round's figure, to judge the spread behind the median. */
  rounds: Record<Side, number[]>;
}

export interface Report {
  date: string;
  machine: Machine;
  settings: { warmup_seconds: number; rounds: number; duration_seconds: number; connections: number };
  cases: CaseResult[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;
/** Whole numbers for fast routes; two decimals for slow ones, where 1 and 2 req/s would hide the ratio. */
const figure = (n: number) => (n >= 100 ? Math.round(n) : round2(n));

export function caseResult(name: string, benchCase: BenchCase, figures: Record<Side, SideFigures>): CaseResult {
  const ratio = figures.ours.rps / figures.baseline.rps;
  const target = benchCase.target ?? null;
  return {
    name,
    title: benchCase.title,
    unit: benchCase.unit,
    ours: figure(figures.ours.rps),
    baseline: figure(figures.baseline.rps),
    ratio: Math.round(ratio * 1000) / 1000,
    target,
    target_met: target === null ? null : ratio >= target,
    latency_ms: {
      ours: { p50: round2(figures.ours.p50Ms), p99: round2(figures.ours.p99Ms) },
      baseline: { p50: round2(figures.baseline.p50Ms), p99: round2(figures.baseline.p99Ms) },
    },
    rounds: { ours: figures.ours.rounds.map(figure), baseline: figures.baseline.rounds.map(figure) },
  };
}

export function reportSettings(settings: RoundSettings): Report['settings'] {
  return {
    warmup_seconds: settings.warmup,
    rounds: settings.rounds,
    duration_seconds: settings.duration,
    connections: settings.connections,
  };
}

function describeDatabase(database: Machine['database']): string {
  return database.engine === 'postgres'
    ? `PostgreSQL ${database.version} (${database.where}, dropped afterwards)`
    : `PGlite, embedded PostgreSQL ${database.version} in the server process (${database.where}, removed afterwards)`;
}

/** The human-readable report. */
export function formatReport(report: Report): string {
  const { machine, settings } = report;
  const lines = [
    `machine   ${machine.cpu}, ${machine.cores} cores, ${machine.memory_gib} GiB, Node ${machine.node}, ${machine.os}`,
    // The figure at the end includes the benchmark's own load; only the start tells of other work.
    `load      1-minute load average ${machine.load_average.start} at start, ${machine.load_average.end} at end` +
      (machine.load_average.start > machine.cores / 2 ? ' (other work was running: figures are noisy)' : ''),
    `database  ${describeDatabase(machine.database)}`,
    `method    ${settings.connections} connections; warm-up ${settings.warmup_seconds} s per side; ` +
      `${settings.rounds} rounds of ${settings.duration_seconds} s per side, alternating; medians`,
  ];
  for (const c of report.cases) {
    const range = (values: number[]) => `${Math.min(...values).toLocaleString('en-US')} to ${Math.max(...values).toLocaleString('en-US')}`;
    const row = (label: string, side: Side, value: number) =>
      `  ${label.padEnd(10)}${value.toLocaleString('en-US').padStart(10)}${String(c.latency_ms[side].p50).padStart(10)}${String(c.latency_ms[side].p99).padStart(10)}   ${range(c.rounds[side])}`;
    const verdict = c.target === null ? '' : `  (target ${c.target} or better: ${c.target_met ? 'met' : 'NOT met'})`;
    lines.push(
      '',
      `${c.name}: ${c.title}`,
      `  ${''.padEnd(10)}${c.unit.padStart(10)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}   rounds (${c.unit})`,
      row('ours', 'ours', c.ours),
      row('baseline', 'baseline', c.baseline),
      `  ratio ours/baseline ${c.ratio.toFixed(3)}${verdict}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
