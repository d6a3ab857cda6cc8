/** Small timing helpers for `npm run bench`: wall-clock percentiles, throughput, and memory. */

export interface Timing {
  readonly p50: number;
  readonly p99: number;
  readonly mean: number;
  readonly runs: number;
}

/** Runs `fn` `runs` times after `warmup` runs and returns the percentiles in milliseconds. */
export async function time(fn: (i: number) => unknown, runs: number, warmup = Math.min(50, Math.ceil(runs / 10))): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { p50: at(0.5), p99: at(0.99), mean: samples.reduce((a, b) => a + b, 0) / samples.length, runs };
}

/** Milliseconds as a short human figure: 0.041 ms, 3.2 ms, 1.25 s. */
export function ms(value: number): string {
  if (value < 1) return `${value.toFixed(3)} ms`;
  if (value < 100) return `${value.toFixed(1)} ms`;
  if (value < 10_000) return `${Math.round(value)} ms`;
  return `${(value / 1000).toFixed(1)} s`;
}

export function perSecond(count: number, milliseconds: number): string {
  const rate = (count / milliseconds) * 1000;
  if (rate >= 1e9) return `${(rate / 1e9).toFixed(2)} G/s`;
  if (rate >= 1e6) return `${(rate / 1e6).toFixed(2)} M/s`;
  if (rate >= 1e3) return `${(rate / 1e3).toFixed(1)} k/s`;
  return `${rate.toFixed(1)} /s`;
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}
