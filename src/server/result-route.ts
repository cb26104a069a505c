import { json } from './answer.js';
import { authorize, type Exchange } from './context.js';
import { HttpError } from './errors.js';
import { currentResult } from './result.js';
import { SESSION_ID } from './sessions.js';
import { withPolicy } from './stored-policy.js';

/** `GET /session/{id}/result`: the verdict the server holds, for the session's owner only. */
export async function readResult(exchange: Exchange, sessionId: string): Promise<Response> {
  const subject = await authorize(exchange);
  const stored = SESSION_ID.test(sessionId) ? await exchange.sessions.get(sessionId) : null;
  // Someone else's session answers as an unknown one: ids are not confirmed to strangers.
  if (!stored || stored.subject !== subject) throw new HttpError(404, 'session-unknown', 'No such session.');
  const result =
    (await exchange.sessions.final(sessionId)) ??
    (await currentResult(exchange.options, exchange.sessions, sessionId, await withPolicy(exchange, sessionId, stored)));
  const { status, reasons, ocr, face, integrity } = result;
  return json(200, { sessionId, status, reasons, ocr, face, integrity });
}
