interface UsageLogger {
  flush(): void;
  close(): void;
  error?: unknown;
}

function isUsageLogger(value: unknown): value is UsageLogger {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<'flush' | 'close', unknown>>;
  return typeof candidate.flush === 'function' && typeof candidate.close === 'function';
}

/**
 * Stops a MediaPipe task from sending usage statistics to Google.
 *
 * tasks-vision 1.x queues usage records (task, running mode, timings; no images) and posts
 * them to `https://odml.pa.googleapis.com/v1/log` every minute and when the task closes. An
 * identity check must not call third parties the integrator did not choose, and the library
 * has no option to turn it off. Its logger stops for good once it has an `error`, so this
 * finds the logger among the task's fields (it is the only object with `flush` and `close`)
 * and gives it one. Returns whether a logger was found; a future version may lay it out
 * differently, which the tests that watch for foreign requests would reveal.
 */
export function silenceUsageLogging(task: object): boolean {
  for (const field of Object.values(task) as unknown[]) {
    if (typeof field !== 'object' || field === null) continue;
    for (const inner of Object.values(field) as unknown[]) {
      if (isUsageLogger(inner)) {
        inner.error = new Error('usage logging is disabled');
        return true;
      }
    }
  }
  return false;
}
