/**
 * Resolves in a task of its own: work after it does not lengthen the task that awaited it
 * (a slow phone's page thread is then never held for long by two jobs in a row).
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Resolves when the page is idle (at most 2 s from now; about 200 ms where idle callbacks do not exist: Safari). */
export function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 2000 });
    else setTimeout(resolve, 200);
  });
}
