import { json } from './answer.js';
import { readJsonObject } from './body.js';
import { authorize, keep, type Exchange } from './context.js';
import { HttpError } from './errors.js';
import { addressBucket } from './ip.js';
import { takeSession, type GiveBack } from './limits.js';
import { policyFor, type EkycFlow, type SessionPolicy } from './policy.js';
import { checkValue, headerValue } from './rules.js';
import { SESSION_ID } from './sessions.js';
import { callUpstream, UpstreamUnavailable } from './upstream.js';
import { isOwnAnswer } from './upstream-answer.js';

const MAX_REQUEST_BYTES = 4 * 1024;

interface SessionRequest {
  clientUuid: string | undefined;
  /** The flow the page expects, when it says (`onlyEngine` or `only-engine`); the server's policy decides. */
  flow: EkycFlow | undefined;
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
  const documentOnly = onlyEngine ?? headerValue(request, 'only-engine');
  const flow = documentOnly === undefined ? undefined : documentOnly === true || documentOnly === '1' ? 'document-only' : 'full';
  return { clientUuid: uuid, flow };
}

/** The page may say which flow it expects, never choose one: a flow the policy does not give is refused. */
function checkRequestedFlow(requested: EkycFlow | undefined, policy: SessionPolicy): void {
  if (requested === undefined || requested === policy.flow) return;
  throw new HttpError(
    400,
    'flow-not-allowed',
    policy.flow === 'full'
      ? 'This server checks the face too: a document-only session is not allowed.'
      : 'This server checks the document only.',
  );
}

const warnedOfNoAddress = new WeakSet<object>();

/**
 * Counts a session for the subject and for the client's address (an IPv6 client's /64), each
 * within its limit. With no address known (a Fetch handler given none), only the subject's.
 */
async function takeSessions({ store, options, address }: Exchange, subject: string): Promise<GiveBack> {
  const { sessionsPerSubjectPerHour, sessionsPerAddressPerHour } = options.limits;
  const bySubject = await takeSession(store, `subject:${subject}`, sessionsPerSubjectPerHour);
  if (address === undefined) {
    if (!warnedOfNoAddress.has(options)) {
      warnedOfNoAddress.add(options);
      options.log?.('no client address: sessions are limited per subject only; give clientAddress to limit them per address too');
    }
    return bySubject;
  }
  try {
    const byAddress = await takeSession(store, `address:${addressBucket(address)}`, sessionsPerAddressPerHour);
    return async () => {
      await Promise.all([bySubject(), byAddress()]);
    };
  } catch (error) {
    await bySubject();
    throw error;
  }
}

/** FPT.AI's new session id; `UpstreamUnavailable` when it gave no answer of its own, 502 `no-session` when it refused. */
async function initUpstream({ options, signal }: Exchange, policy: SessionPolicy, clientUuid: string | undefined): Promise<string> {
  const headers: Record<string, string> = { 'api-key': options.apiKey, 'device-type': 'web-sdk' };
  if (clientUuid !== undefined) headers['client_uuid'] = clientUuid;
  if (policy.flow === 'document-only') headers['only-engine'] = '1';
  const answer = await callUpstream({
    url: `${options.apiBase}/session/init`,
    headers,
    timeoutMs: options.limits.upstreamTimeoutMs,
    fetch: options.fetch ?? fetch,
    signal,
  });
  if (!isOwnAnswer('init', answer.status, answer.json)) throw new UpstreamUnavailable(false);
  const sessionId = answer.status === 200 ? answer.json['session-id'] : undefined;
  if (typeof sessionId !== 'string' || !SESSION_ID.test(sessionId)) {
    options.log?.(`FPT.AI did not create a session: HTTP ${answer.status}`);
    throw new HttpError(502, 'no-session', 'The eKYC service did not create a session.');
  }
  return sessionId;
}

/**
 * `POST /session`: for a signed-in subject within its limits, creates an FPT.AI session with the
 * server's policy, keeps both bound to that subject, and answers `{ sessionId, expiresAt, flow, documentTypes }`.
 */
export async function createSession(exchange: Exchange): Promise<Response> {
  const { options, sessions } = exchange;
  const subject = await authorize(exchange);
  const request = await readRequest(exchange);
  const policy = await policyFor(options, subject, exchange.request, options.log);
  checkRequestedFlow(request.flow, policy);
  const giveBack = await takeSessions(exchange, subject);
  const createdAt = options.now();
  const expiresAt = createdAt + options.limits.sessionTtlMs;
  let sessionId: string;
  try {
    sessionId = await initUpstream(exchange, policy, request.clientUuid);
    const created = await sessions.create(sessionId, { subject, createdAt, expiresAt, ...policy });
    if (!created) throw new HttpError(502, 'no-session', 'The eKYC service gave a session id already in use.');
  } catch (error) {
    // No session was created: the user's and the address's counts are as they were.
    await giveBack();
    throw error;
  }
  const expires = new Date(expiresAt).toISOString();
  const onSession = options.hooks?.onSession;
  if (onSession) {
    const { clientUuid } = request;
    await keep(options, () => onSession({ sessionId, subject, expiresAt: expires, clientUuid, ...policy }));
  }
  return json(200, { sessionId, expiresAt: expires, ...policy });
}
