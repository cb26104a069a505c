import { createHash } from 'node:crypto';
import { HttpError } from './errors.js';
import type { EkycStore } from './store/types.js';

/** What an upload with an `Idempotency-Key` led to, kept so that a retry gets it again. */
export type IdempotencyRecord =
  | { state: 'pending'; fingerprint: string }
  /** FPT.AI answered; what it said is not yet recorded (a hook failed, or the instance stopped). */
  | { state: 'answered'; fingerprint: string; status: number; json: Record<string, unknown> }
  /** Recorded: the answer the browser got, given again to every retry. */
  | { state: 'done'; fingerprint: string; status: number; body: unknown };

const KEY = /^[A-Za-z0-9._:-]{8,255}$/;
const POLL_MS = 25;
const MAX_POLL_MS = 250;

/** The `Idempotency-Key` header, checked; `undefined` when absent. */
export function idempotencyKeyOf(request: Request): string | undefined {
  const key = request.headers.get('idempotency-key');
  if (key === null) return undefined;
  if (!KEY.test(key)) {
    throw new HttpError(400, 'bad-idempotency-key', 'Idempotency-Key must be 8 to 255 letters, digits or ._:-');
  }
  return key;
}

/** What identifies a request's content: a retry must send the same bytes with the same headers. */
export function fingerprintOf(parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('base64url');
}

const parse = (text: string | null): IdempotencyRecord | null => (text === null ? null : (JSON.parse(text) as IdempotencyRecord));

export class Idempotency {
  constructor(
    private readonly store: EkycStore,
    private readonly ttlMs: number,
    /** How long a call may stay pending: a duplicate waits this long for the first one's answer. */
    private readonly pendingMs: number,
  ) {}

  /**
   * Claims `key` for this request (`null`), or answers the first request's record. A
   * duplicate that arrives while the first is still with FPT.AI waits for its answer:
   * concurrent duplicates never both reach FPT.AI.
   */
  async claim(key: string, fingerprint: string): Promise<IdempotencyRecord | null> {
    const pending: IdempotencyRecord = { state: 'pending', fingerprint };
    if (await this.store.setIfAbsent(key, JSON.stringify(pending), this.pendingMs)) return null;
    const started = Date.now();
    for (let wait = POLL_MS; ; wait = Math.min(MAX_POLL_MS, wait * 2)) {
      const record = parse(await this.store.get(key));
      if (record === null) {
        // The first request gave its claim back (FPT.AI was not reached): take it.
        if (await this.store.setIfAbsent(key, JSON.stringify(pending), this.pendingMs)) return null;
        continue;
      }
      if (record.fingerprint !== fingerprint) {
        throw new HttpError(422, 'idempotency-key-reused', 'This Idempotency-Key was used for a different upload.');
      }
      if (record.state !== 'pending') return record;
      if (Date.now() - started > this.pendingMs) {
        throw new HttpError(409, 'idempotency-in-progress', 'The same upload is still in progress.', { retryAfter: 1 });
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  save(key: string, record: IdempotencyRecord): Promise<void> {
    return this.store.set(key, JSON.stringify(record), this.ttlMs);
  }

  /** Gives the claim back: FPT.AI gave no answer of its own, so a retry may send it. */
  release(key: string): Promise<void> {
    return this.store.delete(key);
  }
}
