import { createHash } from 'node:crypto';
import { HttpError } from './errors.js';
import type { EkycStore } from './store/types.js';

/** What an upload with an `Idempotency-Key` led to, kept so that a retry gets it again. */
export type IdempotencyRecord =
  /**
   * Claimed, with FPT.AI's answer awaited until `deadline` (ms since the epoch): the end of the call
   * plus the time to record its answer. Past it no answer of this call can be recorded, and the
   * record expires: a retry then calls FPT.AI itself. Absent from records of earlier versions.
   */
  | { state: 'pending'; fingerprint: string; deadline?: number }
  /** FPT.AI answered; what it said is not yet recorded (a hook failed, or the instance stopped). */
  | { state: 'answered'; fingerprint: string; status: number; json: Record<string, unknown> }
  /** Recorded: the answer the browser got, given again to every retry. */
  | { state: 'done'; fingerprint: string; status: number; body: unknown };

const KEY = /^[A-Za-z0-9._:-]{8,255}$/;
const POLL_MS = 25;
const MAX_POLL_MS = 250;
/** How long past its deadline a pending record may still be read before the store is believed stuck. */
const EXPIRY_GRACE_MS = 1_000;

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
    /** The longest call to FPT.AI. */
    private readonly callMs: number,
    /** The longest call to the store, which records FPT.AI's answer. */
    private readonly saveMs: number,
  ) {}

  /** Writes a pending record that expires at `deadline`; answers whether the key was free. */
  private pend(key: string, fingerprint: string, deadline: number, replace: boolean): Promise<boolean> {
    const pending: IdempotencyRecord = { state: 'pending', fingerprint, deadline };
    const text = JSON.stringify(pending);
    const ttlMs = Math.max(1, deadline - Date.now());
    return replace ? this.store.set(key, text, ttlMs).then(() => true) : this.store.setIfAbsent(key, text, ttlMs);
  }

  /** A claim's first deadline: long enough for a whole call and the recording of its answer. */
  private window(): number {
    return Date.now() + this.callMs + this.saveMs;
  }

  /**
   * Claims `key` for this request (`null`), or answers the first request's record. A duplicate
   * that arrives while the first is still with FPT.AI waits for its answer, until the pending
   * record's deadline at most: concurrent duplicates never both reach FPT.AI, and a retry whose
   * first try died with its instance calls FPT.AI again once that call can no longer be recorded.
   */
  async claim(key: string, fingerprint: string): Promise<IdempotencyRecord | null> {
    if (await this.pend(key, fingerprint, this.window(), false)) return null;
    for (let wait = POLL_MS; ; wait = Math.min(MAX_POLL_MS, wait * 2)) {
      const record = parse(await this.store.get(key));
      if (record === null) {
        // The first request gave its claim back, or its deadline passed with nothing recorded: take it.
        if (await this.pend(key, fingerprint, this.window(), false)) return null;
        continue;
      }
      if (record.fingerprint !== fingerprint) {
        throw new HttpError(422, 'idempotency-key-reused', 'This Idempotency-Key was used for a different upload.');
      }
      if (record.state !== 'pending') return record;
      // A record of an earlier version carries no deadline: it expires as it always did.
      const left = (record.deadline ?? Date.now() + wait) - Date.now();
      if (left < -EXPIRY_GRACE_MS) {
        throw new HttpError(409, 'idempotency-in-progress', 'The same upload is still in progress.', { retryAfter: 1 });
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(POLL_MS, Math.min(wait, left))));
    }
  }

  /**
   * Starts the call under a claim: its pending record now ends at `deadline` (ms since the epoch),
   * by which the call has ended and its answer is recorded.
   */
  async calling(key: string, fingerprint: string, deadline: number): Promise<void> {
    await this.pend(key, fingerprint, deadline, true);
  }

  save(key: string, record: IdempotencyRecord): Promise<void> {
    return this.store.set(key, JSON.stringify(record), this.ttlMs);
  }

  /** Gives the claim back: FPT.AI gave no answer of its own, so a retry may send it. */
  release(key: string): Promise<void> {
    return this.store.delete(key);
  }
}
