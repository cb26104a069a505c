import type { Exchange } from './context.js';
import { HttpError } from './errors.js';

/** An upload's turn: when it ends at the latest (ms since the epoch), and how to end it sooner. */
export interface Turn {
  /** The call to FPT.AI ends `storeTimeoutMs` before, leaving the time to record its answer. */
  deadline: number;
  end(): Promise<void>;
}

/**
 * One upload of a session with FPT.AI at a time. FPT.AI's session keeps what it read last (a selfie
 * is compared with the last front it read), while the server keeps the first of two concurrent
 * readings: two fronts at once would leave them disagreeing on whose card the selfie must match.
 * Another upload meanwhile is refused with `409 upload-in-progress` before FPT.AI is called.
 * The turn lasts at most the call's time and the time to record its answer, should the instance die:
 * it ends with the deadline an idempotency record of the call carries, so that the retry can go on.
 */
export async function takeTurn({ store, options }: Exchange, sessionId: string, upload: string): Promise<Turn> {
  const key = `upload-turn:${sessionId}`;
  const windowMs = options.limits.upstreamTimeoutMs + options.limits.storeTimeoutMs;
  if (!(await store.setIfAbsent(key, upload, windowMs))) {
    throw new HttpError(409, 'upload-in-progress', 'Another upload of this session is in progress; try again.', { retryAfter: 1 });
  }
  // Counted from the store's answer: the turn is over in the store before anyone is told so.
  return { deadline: Date.now() + windowMs, end: () => store.delete(key).catch(() => undefined) };
}
