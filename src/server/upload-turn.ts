import type { Exchange } from './context.js';
import { HttpError } from './errors.js';

/** Ends this upload's turn. */
export type EndTurn = () => Promise<void>;

/**
 * One upload of a session with FPT.AI at a time. FPT.AI's session keeps what it read last (a selfie
 * is compared with the last front it read), while the server keeps the first of two concurrent
 * readings: two fronts at once would leave them disagreeing on whose card the selfie must match.
 * Another upload meanwhile is refused with `409 upload-in-progress` before FPT.AI is called.
 * The turn lasts at most the call's deadline and the store calls around it, should the instance die.
 */
export async function takeTurn({ store, options }: Exchange, sessionId: string, upload: string): Promise<EndTurn> {
  const key = `upload-turn:${sessionId}`;
  const { upstreamTimeoutMs, storeTimeoutMs } = options.limits;
  if (!(await store.setIfAbsent(key, upload, upstreamTimeoutMs + 5 * storeTimeoutMs))) {
    throw new HttpError(409, 'upload-in-progress', 'Another upload of this session is in progress; try again.', { retryAfter: 1 });
  }
  return () => store.delete(key).catch(() => undefined);
}
