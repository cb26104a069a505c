import type { Exchange } from './context.js';
import { isSessionPolicy, policyFor } from './policy.js';
import type { SessionRecord, StoredSession } from './sessions.js';

/**
 * The session with its policy. A session stored by an earlier version of this server has none (the
 * page chose its flow then, and that choice is not believed): it is read with the policy this server
 * gives a new session of the same subject now, chosen once, on the first read that needs it, and kept
 * beside the record so that every later read, on every instance, agrees. Call it once the requester
 * is known to act for the session's subject: the policy may depend on the request.
 */
export async function withPolicy(exchange: Exchange, sessionId: string, stored: StoredSession): Promise<SessionRecord> {
  const { flow, documentTypes } = stored;
  const own = { flow, documentTypes };
  if (isSessionPolicy(own)) return { ...stored, ...own };
  const { sessions, options, request } = exchange;
  const kept = (await sessions.policy(sessionId)) ?? (await sessions.keepPolicy(sessionId, await policyFor(options, stored.subject, request, options.log)));
  return { ...stored, ...kept };
}
