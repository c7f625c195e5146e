/** Timing helpers for benchmarks: figures only, never pass/fail on time. */

export interface TimingSummary {
  runs: number;
  medianMs: number;
  p95Ms: number;
  meanMs: number;
}

export function summarise(samples: number[]): TimingSummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const mean = sorted.reduce((sum, x) => sum + x, 0) / Math.max(1, sorted.length);
  return { runs: sorted.length, medianMs: round(at(0.5)), p95Ms: round(at(0.95)), meanMs: round(mean) };
}

export async function timeRuns(runs: number, body: () => unknown | Promise<unknown>): Promise<TimingSummary> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await body();
    samples.push(performance.now() - start);
  }
  return summarise(samples);
}

export function round(value: number, digits = 4): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
