import { keep, type Exchange } from './context.js';
import type { EkycResult } from './result.js';

/** How long one request may hold the right to run `onComplete` before another may take it over. */
const COMPLETION_LEASE_MS = 60_000;

/**
 * Runs `onComplete` with the session's final result unless it already ran without failing. One
 * request at a time holds the right to run it; a hook that throws gives the right back and fails
 * the request (500), and the next upload to the session, or the retry, runs it again.
 */
export async function completeOnce({ options, sessions }: Pick<Exchange, 'options' | 'sessions'>, sessionId: string): Promise<void> {
  const onComplete = options.hooks?.onComplete;
  if (!onComplete || (await sessions.completed(sessionId))) return;
  const final = await sessions.final(sessionId);
  if (!final || !(await sessions.leaseCompletion(sessionId, COMPLETION_LEASE_MS))) return;
  try {
    if (await sessions.completed(sessionId)) return;
    await keep(options, () => onComplete(final));
    await sessions.markCompleted(sessionId);
  } finally {
    await sessions.endCompletionLease(sessionId);
  }
}

/**
 * Records `result` as the session's final one when it is final and none is on record yet (the
 * first final result stays, whoever comes second), then makes sure `onComplete` has run.
 */
export async function settle(exchange: Pick<Exchange, 'options' | 'sessions'>, sessionId: string, result: EkycResult): Promise<void> {
  if (result.status === 'pending') return;
  await exchange.sessions.finish(sessionId, result);
  await completeOnce(exchange, sessionId);
}
