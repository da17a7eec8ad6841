import type { HttpTarget } from './case.ts';
import { measure, type Sample } from './load.ts';

export type Side = 'ours' | 'baseline';

export interface RoundSettings {
  warmup: number;
  rounds: number;
  duration: number;
  connections: number;
}

export interface SideFigures {
  /** Medians over the rounds. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Requests per second of each round, in order. */
  rounds: number[];
}

export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function figures(samples: Sample[]): SideFigures {
  return {
    rps: median(samples.map((s) => s.rps)),
    p50Ms: median(samples.map((s) => s.p50Ms)),
    p99Ms: median(samples.map((s) => s.p99Ms)),
    rounds: samples.map((s) => s.rps),
  };
}

/**
 * Warm-up (discarded) on each side, then rounds that alternate which side goes first
 * (ours-baseline, baseline-ours, ...), so that drift in the machine (a noisy neighbour,
 * thermal limits, a growing heap) lands on both sides alike; the median then drops an
 * odd round.
 */
export async function compareSides(
  targets: Record<Side, HttpTarget>,
  settings: RoundSettings,
  progress: (line: string) => void,
): Promise<Record<Side, SideFigures>> {
  if (settings.warmup > 0) {
    progress(`  warm-up ${settings.warmup} s per side`);
    await measure(targets.ours, settings.warmup, settings.connections);
    await measure(targets.baseline, settings.warmup, settings.connections);
  }
  const samples: Record<Side, Sample[]> = { ours: [], baseline: [] };
  for (let round = 0; round < settings.rounds; round++) {
    const order: Side[] = round % 2 === 0 ? ['ours', 'baseline'] : ['baseline', 'ours'];
    for (const side of order) {
      const sample = await measure(targets[side], settings.duration, settings.connections);
      samples[side].push(sample);
      progress(`  round ${round + 1}/${settings.rounds} ${side.padEnd(8)} ${sample.rps < 100 ? sample.rps.toFixed(2) : Math.round(sample.rps)} req/s, p50 ${sample.p50Ms.toFixed(2)} ms, p99 ${sample.p99Ms.toFixed(2)} ms`);
    }
  }
  return { ours: figures(samples.ours), baseline: figures(samples.baseline) };
}
