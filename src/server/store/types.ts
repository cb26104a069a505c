/**
 * Where the server keeps what several instances must agree on: sessions, limits,
 * idempotency records. Every operation is atomic on its own, so instances behind a
 * load balancer can share one store. Values are strings (JSON where structured).
 *
 * The same primitives carry single-use tokens (`setIfAbsent` + `take`, both with a
 * time to live) and news for another instance (`publish`/`subscribe`).
 */
export interface EkycStore {
  get(key: string): Promise<string | null>;
  /** Sets `key`, replacing any value; it disappears after `ttlMs`. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Sets `key` only when it does not exist; `true` when this call set it. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  /** Reads and deletes `key` in one step: of two callers, one gets the value and the other `null`. */
  take(key: string): Promise<string | null>;
  delete(key: string): Promise<void>;
  /**
   * Adds one to the counter at `key`; the first increment starts its lifetime of `ttlMs`.
   * Answers the new count and the milliseconds until the counter disappears.
   */
  increment(key: string, ttlMs: number): Promise<{ count: number; ttlMs: number }>;
  /** Sends `message` to every subscriber of `channel`, on every instance. */
  publish(channel: string, message: string): Promise<void>;
  /** Calls `listener` for each message on `channel`; resolves to a function that stops it. */
  subscribe(channel: string, listener: (message: string) => void): Promise<() => Promise<void>>;
  /** Releases connections and timers. */
  close(): Promise<void>;
}
