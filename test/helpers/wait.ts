import { waitUntil as openWcWaitUntil } from '@open-wc/testing';

/**
 * `waitUntil` with a time limit that suits a real camera, workers and a loaded
 * 2-core CI machine (15 s instead of 1 s); a test may still pass its own.
 */
export function waitUntil(
  predicate: () => unknown,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return openWcWaitUntil(predicate, message, { interval: 50, timeout: 15_000, ...options });
}
