import { createHash } from 'node:crypto';
import { HttpError } from './errors.js';
import type { EkycStore } from './store/types.js';

const HOUR_MS = 60 * 60_000;

/** A store key for a value of any shape (a subject, an address). */
export const hashed = (value: string): string => createHash('sha256').update(value).digest('base64url').slice(0, 32);

/**
 * Counts one more session for `who` in its hour; past `max`, 429 with `Retry-After`
 * (the seconds until that hour's count is forgotten).
 */
export async function countSession(store: EkycStore, who: string, max: number): Promise<void> {
  const { count, ttlMs } = await store.increment(`limit:${hashed(who)}`, HOUR_MS);
  if (count > max) {
    throw new HttpError(429, 'rate-limited', 'Too many sessions; try again later.', { retryAfter: ttlMs / 1000 });
  }
}
