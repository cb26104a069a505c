import { HttpError } from '../errors.js';
import type { EkycStore } from './types.js';

/** The store did not answer within its deadline, or failed: `503`, and the request can be tried again. */
export class StoreUnavailable extends HttpError {
  constructor(cause?: unknown) {
    super(503, 'store-unavailable', 'The server cannot reach its store; try again.', { cause, retryAfter: 1 });
  }
}

/** `run()` within `timeoutMs`; any failure of the store, or its silence, becomes `StoreUnavailable`. */
function within<T>(timeoutMs: number, run: () => Promise<T>, late?: (value: T) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      reject(new StoreUnavailable());
    }, timeoutMs);
    const settle = (): boolean => {
      clearTimeout(timer);
      const first = !settled;
      settled = true;
      return first;
    };
    let pending: Promise<T>;
    try {
      pending = run();
    } catch (error) {
      settle();
      reject(new StoreUnavailable(error));
      return;
    }
    pending.then(
      (value) => {
        if (settle()) resolve(value);
        else late?.(value);
      },
      (error: unknown) => {
        if (settle()) reject(new StoreUnavailable(error));
      },
    );
  });
}

/**
 * The same store with a deadline on every call: a store that hangs (a Redis that stopped answering)
 * or fails gives `StoreUnavailable` (503) within `timeoutMs`, and no request waits on it longer.
 */
export function withDeadline(store: EkycStore, timeoutMs: number): EkycStore {
  return {
    get: (key) => within(timeoutMs, () => store.get(key)),
    set: (key, value, ttlMs) => within(timeoutMs, () => store.set(key, value, ttlMs)),
    setIfAbsent: (key, value, ttlMs) => within(timeoutMs, () => store.setIfAbsent(key, value, ttlMs)),
    take: (key) => within(timeoutMs, () => store.take(key)),
    delete: (key) => within(timeoutMs, () => store.delete(key)),
    increment: (key, ttlMs) => within(timeoutMs, () => store.increment(key, ttlMs)),
    publish: (channel, message) => within(timeoutMs, () => store.publish(channel, message)),
    subscribe: async (channel, listener) => {
      // A subscription that comes through after its deadline is ended at once: nobody holds it.
      const stop = await within(timeoutMs, () => store.subscribe(channel, listener), (late) => void late().catch(() => undefined));
      return () => within(timeoutMs, stop);
    },
    close: () => store.close(),
  };
}
