import { randomUUID } from 'node:crypto';
import { json } from './answer.js';
import { readBody } from './body.js';
import { authorize, type Exchange } from './context.js';
import { HttpError } from './errors.js';
import { PHONE_KEY_HEADER } from './handoff.js';
import { phoneSession } from './handoff-route.js';
import { fingerprintOf, idempotencyKeyOf, type IdempotencyRecord } from './idempotency.js';
import { inspectParts } from './inspect.js';
import { splitIntegrity } from './integrity-part.js';
import { hashed } from './limits.js';
import { boundaryOf, parseMultipart } from './multipart.js';
import { UPLOADS, uploadHeaders, type UploadRoute } from './rules.js';
import { evidenceOf, SESSION_ID, type SessionRecord } from './sessions.js';
import { withPolicy } from './stored-policy.js';
import { admit, sidesOf } from './upload-admission.js';
import { mismatchOf, record, type Outcome, type Upload, type UpstreamReply } from './upload-record.js';
import { callUpstream, UpstreamUnavailable } from './upstream.js';
import { takeTurn, type Turn } from './upload-turn.js';
import { isOwnAnswer } from './upstream-answer.js';

/** The idempotency record this request claimed. */
interface Claim {
  key: string;
  fingerprint: string;
}

const NAMES: Record<UploadRoute, (index: number, headers: Record<string, string>) => string> = {
  ocr: (index, headers) => headers['side-type'] ?? (index === 0 ? 'front' : 'back'),
  face: (index) => `selfie-${index + 1}`,
};

/** Who uploads: the signed-in subject, or a phone a handoff authorized for one session of its subject's only. */
async function uploader(exchange: Exchange): Promise<{ subject: string; onlySession?: string }> {
  const phoneKey = exchange.request.headers.get(PHONE_KEY_HEADER);
  if (phoneKey === null) return { subject: await authorize(exchange) };
  const { subject, sessionId } = await phoneSession(exchange, phoneKey);
  return { subject, onlySession: sessionId };
}

/** A session this server issued to this subject, still open: anything else is refused before FPT.AI. */
async function openSession(exchange: Exchange, subject: string, onlySession?: string): Promise<{ sessionId: string; session: SessionRecord }> {
  const sessionId = exchange.request.headers.get('session-id');
  if (sessionId === null) throw new HttpError(400, 'missing-header', 'Header session-id is required.');
  if (!SESSION_ID.test(sessionId)) throw new HttpError(400, 'bad-header', 'Header session-id is not a session id.');
  if (onlySession !== undefined && sessionId !== onlySession) {
    throw new HttpError(403, 'session-invalid', 'This session was not issued to you by this server.');
  }
  const stored = await exchange.sessions.get(sessionId);
  if (!stored || stored.subject !== subject) {
    throw new HttpError(403, 'session-invalid', 'This session was not issued to you by this server.');
  }
  if (stored.expiresAt <= exchange.options.now()) throw new HttpError(403, 'session-expired', 'This session has expired.');
  return { sessionId, session: await withPolicy(exchange, sessionId, stored) };
}

function form(upload: Upload): FormData {
  const data = new FormData();
  const { field } = UPLOADS[upload.route].shape;
  upload.images.forEach((image, index) => {
    const extension = image.type === 'image/png' ? 'png' : 'jpg';
    data.append(field, new Blob([new Uint8Array(image.data)], { type: image.type }), `${NAMES[upload.route](index, upload.headers)}.${extension}`);
  });
  return data;
}

function keepIntegrity({ sessions }: Exchange, { sessionId, id, route, sides, integrity: signals }: Upload): Promise<void> {
  return sessions.keepIntegrity(sessionId, id, { route, sides, signals, flagged: signals?.some((signal) => signal.flagged) ?? false });
}

const answer = (outcome: Outcome, headers: Record<string, string> = {}): Response => json(outcome.status, outcome.body, headers);

/** Calls FPT.AI once, in the session's turn, keeping its answer under the claim before anything else. */
async function send(exchange: Exchange, admitted: Omit<Upload, 'evidence'>, claim: Claim | null): Promise<Response> {
  let turn: Turn;
  try {
    turn = await takeTurn(exchange, admitted.sessionId, admitted.id);
  } catch (error) {
    if (claim) await exchange.idempotency.release(claim.key);
    throw error;
  }
  try {
    return await call(exchange, admitted, claim, turn.deadline);
  } finally {
    await turn.end();
  }
}

async function call(exchange: Exchange, admitted: Omit<Upload, 'evidence'>, claim: Claim | null, deadline: number): Promise<Response> {
  const { options, idempotency } = exchange;
  let upload: Upload;
  try {
    upload = { ...admitted, evidence: await admit(exchange, admitted) };
  } catch (error) {
    if (claim) await idempotency.release(claim.key);
    throw error;
  }
  let answered: UpstreamReply;
  try {
    // Under a claim, the turn's deadline is written in the pending record, for every instance to see.
    if (claim) await idempotency.calling(claim.key, claim.fingerprint, deadline);
    // Kept for an admitted upload only: never after the final result, nor for a session that is not the user's.
    await keepIntegrity(exchange, upload);
    const reply = await callUpstream({
      url: options.apiBase + UPLOADS[upload.route].path,
      headers: { ...upload.headers, 'session-id': upload.sessionId, 'device-type': 'web-sdk', 'api-key': options.apiKey },
      body: form(upload),
      timeoutMs: Math.max(0, deadline - options.limits.storeTimeoutMs - Date.now()),
      fetch: options.fetch ?? fetch,
      // With a key, a browser that goes away still gets FPT.AI's answer when it retries.
      signal: claim ? undefined : exchange.signal,
    });
    if (!isOwnAnswer(upload.route, reply.status, reply.json)) throw new UpstreamUnavailable(false);
    answered = { status: reply.status, json: reply.json };
  } catch (error) {
    // No answer of FPT.AI's own: nothing is kept, no attempt spent, and a retry may call again.
    await Promise.all([
      exchange.sessions.giveBack(upload.sessionId, upload.route),
      exchange.sessions.markUnavailable(upload.sessionId),
      claim ? idempotency.release(claim.key) : undefined,
    ]);
    throw error;
  }
  if (claim) await idempotency.save(claim.key, { state: 'answered', fingerprint: claim.fingerprint, ...answered });
  if (mismatchOf(upload, answered)) {
    // Not the side it was sent as: the user retakes it, and the attempt is not spent.
    await exchange.sessions.giveBack(upload.sessionId, 'ocr');
    await exchange.sessions.sideMismatch(upload.sessionId);
  }
  const outcome = await record(exchange, upload, answered);
  if (claim) await idempotency.save(claim.key, { state: 'done', fingerprint: claim.fingerprint, ...outcome });
  return answer(outcome);
}

/** The first request's answer again, without calling FPT.AI; what failed to be recorded then is recorded now. */
async function replay(exchange: Exchange, upload: Omit<Upload, 'evidence'>, claim: Claim, earlier: IdempotencyRecord): Promise<Response> {
  const replayed = { 'idempotent-replayed': 'true' };
  if (earlier.state === 'pending') throw new HttpError(409, 'idempotency-in-progress', 'The same upload is in progress.');
  if (earlier.state === 'done') return answer(earlier, replayed);
  const { front, back } = await exchange.sessions.sides(upload.sessionId);
  const outcome = await record(exchange, { ...upload, evidence: evidenceOf(front, back) }, earlier);
  await exchange.idempotency.save(claim.key, { state: 'done', fingerprint: claim.fingerprint, ...outcome });
  return answer(outcome, replayed);
}

/**
 * `POST /ocr` and `POST /face/liveness`: only for a session this server issued to
 * the same subject, unexpired, at the step the upload is for; the body parsed and every image
 * checked; FPT.AI called at most once per `Idempotency-Key`.
 */
export async function forwardUpload(route: UploadRoute, exchange: Exchange): Promise<Response> {
  const { request, options } = exchange;
  const { subject, onlySession } = await uploader(exchange);
  const { sessionId, session } = await openSession(exchange, subject, onlySession);
  const headers = uploadHeaders(route, request);
  const documentType = headers['document-type'];
  if (documentType !== undefined && !(session.documentTypes as readonly string[]).includes(documentType)) {
    throw new HttpError(400, 'document-type-not-allowed', `This session accepts ${session.documentTypes.join(', ')} only.`);
  }
  const boundary = boundaryOf(request.headers.get('content-type'));
  const key = idempotencyKeyOf(request);
  const body = await readBody(request, options.limits.maxBodyBytes, options.limits.bodyTimeoutMs);
  const { shape } = UPLOADS[route];
  const { files, signals } = splitIntegrity(parseMultipart(body, boundary, shape.max + 1), shape.max);
  const images = inspectParts(files, shape, options.limits);
  if (route === 'ocr' && (headers['side-type'] !== undefined || headers['document-type'] === 'passport') && images.length !== 1) {
    throw new HttpError(400, 'wrong-file-count', 'Send exactly one file for a passport or a single side.');
  }
  const upload = { route, sessionId, subject, session, headers, images, sides: sidesOf(route, headers, images), integrity: signals };
  if (key === undefined) return send(exchange, { ...upload, id: randomUUID() }, null);
  const claim = {
    key: `idempotency:${sessionId}:${route}:${hashed(key)}`,
    // The language of FPT.AI's messages may change between a try and its retry; what is read may not.
    fingerprint: fingerprintOf([route, JSON.stringify({ ...headers, lang: null }), ...images.map((image) => image.data)]),
  };
  const earlier = await exchange.idempotency.claim(claim.key, claim.fingerprint);
  return earlier ? replay(exchange, { ...upload, id: claim.key }, claim, earlier) : send(exchange, { ...upload, id: claim.key }, claim);
}
