import { createHash } from 'node:crypto';
import { HttpError } from './errors.js';
import type { EkycStore } from './store/types.js';

const HOUR_MS = 60 * 60_000;

/** A store key for a value of any shape (a subject, an address). */
export const hashed = (value: string): string => createHash('sha256').update(value).digest('base64url').slice(0, 32);

/** Gives back a session counted by `takeSession`: it was never created. */
export type GiveBack = () => Promise<void>;

/**
 * Counts one more session for `who` in its hour; past `max`, 429 with `Retry-After`
 * (the seconds until that hour's count is forgotten). Answers how to give the session
 * back when it is not created after all: a count given back lives exactly as long as
 * the hour it was taken from.
 */
export async function takeSession(store: EkycStore, who: string, max: number): Promise<GiveBack> {
  const key = `limit:${hashed(who)}`;
  const { count, ttlMs } = await store.increment(key, HOUR_MS);
  const windowEnds = performance.now() + ttlMs;
  const giveBack: GiveBack = async () => {
    const left = Math.floor(windowEnds - performance.now());
    if (left > 0) await store.increment(`${key}:given-back`, left);
  };
  const givenBack = Number((await store.get(`${key}:given-back`)) ?? 0);
  if (count - givenBack > max) {
    await giveBack();
    throw new HttpError(429, 'rate-limited', 'Too many sessions; try again later.', { retryAfter: ttlMs / 1000 });
  }
  return giveBack;
}
