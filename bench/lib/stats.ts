/** The value below which `fraction` of the samples fall (nearest rank); `NaN` for no samples. */
export function percentile(samples: readonly number[], fraction: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? Number.NaN;
}

export const median = (samples: readonly number[]): number => percentile(samples, 0.5);

export const max = (samples: readonly number[]): number => (samples.length === 0 ? Number.NaN : Math.max(...samples));
