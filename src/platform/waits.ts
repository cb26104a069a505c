/**
 * The element's waits that are its own choice, not the platform's: retry back-offs, polling and the
 * spacing of spoken hints. They are read from this one object when used, so a test can make a retry
 * take milliseconds (`setWaits`); the defaults are the product's.
 */
export interface Waits {
  /** Automatic retries of a transient API failure before the user is asked, one delay a retry: they grow. */
  apiRetryMs: readonly number[];
  /** A phone's news the server did not take: retried after these delays, the last one repeated. */
  handoffSendRetryMs: readonly number[];
  /** A computer following its phone by polling (when streams keep breaking): between two polls. */
  handoffPollMs: number;
  /** A computer's broken event stream: reconnected after these delays, the last one repeated. */
  handoffRetryMs: readonly number[];
  /** A hint is spoken at most this often. */
  announceIntervalMs: number;
  /** How long a selfie waits for the face detector before it lets the person take the photo by hand. */
  detectorWaitMs: number;
  /** How long a face detector outlives its element, for an element that comes back (or the next one) to reuse. */
  detectorReuseMs: number;
}

export const DEFAULT_WAITS: Readonly<Waits> = Object.freeze({
  apiRetryMs: [1000, 3000],
  handoffSendRetryMs: [1000, 2000, 5000],
  handoffPollMs: 2000,
  handoffRetryMs: [1000, 2000, 5000],
  announceIntervalMs: 2000,
  detectorWaitMs: 20_000,
  detectorReuseMs: 5000,
});

const current: Waits = { ...DEFAULT_WAITS };

/** The waits in force. */
export const waits: Readonly<Waits> = current;

/** Changes some waits (for the whole page); answers a function that puts them back. */
export function setWaits(changes: Partial<Waits>): () => void {
  const before = { ...current };
  Object.assign(current, changes);
  return () => void Object.assign(current, before);
}

/** The delay of try `index` of a list of delays; past the list, its last one again. */
export const nthDelay = (delays: readonly number[], index: number): number =>
  delays[Math.min(index, delays.length - 1)] ?? 0;

/** Waits `ms`; answers `true` then, or `false` at once when `signal` aborts (before or during the wait). */
export function pause(ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (slept: boolean): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(slept);
    };
    const onAbort = (): void => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
