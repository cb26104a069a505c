import type { IncomingMessage } from 'node:http';
import { jsonAnswer, jsonObject, type Answer } from './answer.js';
import { readSmallBody } from './body.js';
import { HttpError } from './errors.js';
import { keep, upstreamUrl, type ProxyOptions } from './options.js';
import { checkValue, headerValue } from './rules.js';
import { callUpstream } from './upstream.js';

const MAX_REQUEST_BYTES = 4 * 1024;
const SESSION_ID = /^[A-Za-z0-9-]{1,128}$/;

interface SessionRequest {
  clientUuid: string | undefined;
  onlyEngine: boolean;
}

/** `{ "clientUuid"?: string, "onlyEngine"?: boolean }` from a JSON body, or the matching headers. */
async function readRequest(req: IncomingMessage): Promise<SessionRequest> {
  const raw = await readSmallBody(req, MAX_REQUEST_BYTES);
  let body: Record<string, unknown> = {};
  if (raw.length > 0) {
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      throw new HttpError(415, 'The body must be application/json.');
    }
    const parsed = jsonObject(raw);
    if (!parsed) throw new HttpError(400, 'The body must be a JSON object.');
    body = parsed;
  }
  const { clientUuid, onlyEngine } = body;
  if (clientUuid !== undefined && typeof clientUuid !== 'string') {
    throw new HttpError(400, 'clientUuid must be a string.');
  }
  if (onlyEngine !== undefined && typeof onlyEngine !== 'boolean') {
    throw new HttpError(400, 'onlyEngine must be a boolean.');
  }
  const uuid =
    clientUuid === undefined ? headerValue(req.headers, 'client_uuid') : checkValue('client_uuid', clientUuid);
  return { clientUuid: uuid, onlyEngine: onlyEngine ?? headerValue(req.headers, 'only-engine') === '1' };
}

/**
 * `/session`: creates a session upstream with the key and gives the browser
 * only `{ sessionId }`. In production, let only signed-in users reach it.
 */
export async function createSession(
  req: IncomingMessage,
  options: ProxyOptions,
  signal: AbortSignal,
): Promise<Answer> {
  const request = await readRequest(req);
  const headers: Record<string, string> = { 'api-key': options.apiKey, 'device-type': 'web-sdk' };
  if (request.clientUuid !== undefined) headers['client_uuid'] = request.clientUuid;
  if (request.onlyEngine) headers['only-engine'] = '1';

  const answer = await callUpstream({
    url: upstreamUrl(options, '/session/init'),
    headers,
    timeoutMs: options.upstreamTimeoutMs,
    signal,
  });
  const sessionId = answer.status === 200 ? jsonObject(answer.body)?.['session-id'] : undefined;
  if (typeof sessionId !== 'string' || !SESSION_ID.test(sessionId)) {
    options.log?.(`the upstream did not create a session: HTTP ${answer.status}`);
    throw new HttpError(502, 'The eKYC service did not create a session.');
  }
  const onSession = options.hooks?.onSession;
  if (onSession) await keep(options, () => onSession({ sessionId, ...request }));
  return jsonAnswer(200, { sessionId });
}
