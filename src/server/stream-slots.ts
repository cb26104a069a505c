import { HttpError } from './errors.js';
import { addressBucket } from './ip.js';

/** Gives a slot back; calling it again does nothing. */
export type Release = () => void;

/**
 * The event streams this instance holds open, counted per subject and per client address (an IPv6
 * client's /64): a stream is a connection held for minutes, so one user or one address may hold only
 * a few. Counted in memory: a stream lives on the instance that serves it, and ends with it.
 */
export class StreamSlots {
  private readonly counts = new Map<string, number>();

  constructor(private readonly limits: { perSubject: number; perAddress: number }) {}

  /** A slot for one more stream of `subject` from `address`; `429 too-many-streams` when either has none left. */
  take(subject: string, address: string | undefined): Release {
    const keys: [string, number][] = [[`subject:${subject}`, this.limits.perSubject]];
    if (address !== undefined) keys.push([`address:${addressBucket(address)}`, this.limits.perAddress]);
    if (keys.some(([key, max]) => (this.counts.get(key) ?? 0) >= max)) {
      throw new HttpError(429, 'too-many-streams', 'Too many event streams are open; close one, or ask for events without a stream.', { retryAfter: 5 });
    }
    for (const [key] of keys) this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const [key] of keys) {
        const left = (this.counts.get(key) ?? 1) - 1;
        if (left > 0) this.counts.set(key, left);
        else this.counts.delete(key);
      }
    };
  }
}
