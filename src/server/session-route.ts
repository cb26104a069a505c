import { json } from './answer.js';
import { readJsonObject } from './body.js';
import { authorize, keep, type Exchange } from './context.js';
import { HttpError } from './errors.js';
import { countSession } from './limits.js';
import { checkValue, headerValue } from './rules.js';
import { SESSION_ID } from './sessions.js';
import { callUpstream } from './upstream.js';

const MAX_REQUEST_BYTES = 4 * 1024;

interface SessionRequest {
  clientUuid: string | undefined;
  onlyEngine: boolean;
}

/** `{ "clientUuid"?: string, "onlyEngine"?: boolean }` from a JSON body, or the matching headers. */
async function readRequest({ request, options }: Exchange): Promise<SessionRequest> {
  const body = await readJsonObject(request, MAX_REQUEST_BYTES, options.limits.bodyTimeoutMs);
  const { clientUuid, onlyEngine } = body;
  if (clientUuid !== undefined && typeof clientUuid !== 'string') {
    throw new HttpError(400, 'bad-json', 'clientUuid must be a string.');
  }
  if (onlyEngine !== undefined && typeof onlyEngine !== 'boolean') {
    throw new HttpError(400, 'bad-json', 'onlyEngine must be a boolean.');
  }
  const uuid = clientUuid === undefined ? headerValue(request, 'client_uuid') : checkValue('client_uuid', clientUuid);
  return { clientUuid: uuid, onlyEngine: onlyEngine ?? headerValue(request, 'only-engine') === '1' };
}

/**
 * `POST /session`: for a signed-in subject within its limits, creates an FPT.AI
 * session, keeps it bound to that subject, and answers `{ sessionId, expiresAt }`.
 */
export async function createSession(exchange: Exchange): Promise<Response> {
  const { options, store, sessions } = exchange;
  const subject = await authorize(exchange);
  const request = await readRequest(exchange);
  await countSession(store, `subject:${subject}`, options.limits.sessionsPerSubjectPerHour);
  await countSession(store, `address:${exchange.address ?? 'unknown'}`, options.limits.sessionsPerAddressPerHour);

  const headers: Record<string, string> = { 'api-key': options.apiKey, 'device-type': 'web-sdk' };
  if (request.clientUuid !== undefined) headers['client_uuid'] = request.clientUuid;
  if (request.onlyEngine) headers['only-engine'] = '1';
  const answer = await callUpstream({
    url: `${options.apiBase}/session/init`,
    headers,
    timeoutMs: options.limits.upstreamTimeoutMs,
    fetch: options.fetch ?? fetch,
    signal: exchange.signal,
  });
  const sessionId = answer.status === 200 ? answer.json?.['session-id'] : undefined;
  if (typeof sessionId !== 'string' || !SESSION_ID.test(sessionId)) {
    options.log?.(`FPT.AI did not create a session: HTTP ${answer.status}`);
    throw new HttpError(502, 'no-session', 'The eKYC service did not create a session.');
  }
  const createdAt = options.now();
  const expiresAt = createdAt + options.limits.sessionTtlMs;
  const created = await sessions.create(sessionId, { subject, createdAt, expiresAt, onlyEngine: request.onlyEngine });
  if (!created) throw new HttpError(502, 'no-session', 'The eKYC service gave a session id already in use.');
  const expires = new Date(expiresAt).toISOString();
  const onSession = options.hooks?.onSession;
  if (onSession) await keep(options, () => onSession({ sessionId, subject, expiresAt: expires, ...request }));
  return json(200, { sessionId, expiresAt: expires });
}
