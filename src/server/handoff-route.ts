import { json } from './answer.js';
import { readJsonObject } from './body.js';
import { authorize, type Exchange } from './context.js';
import { HttpError } from './errors.js';
import { PHONE_KEY_HEADER, TOKEN, type HandoffEvent, type PhoneRecord, type HandoffRecord } from './handoff.js';
import { oneOf, readSettings } from './handoff-settings.js';
import { SESSION_ID } from './sessions.js';
import { withPolicy } from './stored-policy.js';

const MAX_REQUEST_BYTES = 4 * 1024;
/** A progress message may carry the result the phone saw (fields and scores, never a photo). */
const MAX_PROGRESS_BYTES = 64 * 1024;
const HEARTBEAT_MS = 15_000;
/** How long a browser waits before it reconnects a stream that broke. */
const RETRY_MS = 2_000;

/** Codes one session may hand out: expired ones are renewed a few times, not without end. */
const HANDOFFS_PER_SESSION = 20;

const STEPS = ['intro', 'document-front', 'document-back', 'selfie', 'processing', 'done', 'error'];
const PROGRESS_STATES = ['step', 'done', 'cancelled'] as const;

const unknownHandoff = (): HttpError => new HttpError(404, 'handoff-unknown', 'This link has expired or is not valid.');

/** The session's time left: a handoff lives no longer than its session. */
function sessionLeftMs(exchange: Exchange, expiresAt: number): number {
  const left = expiresAt - exchange.options.now();
  if (left <= 0) throw new HttpError(403, 'session-expired', 'This session has expired.');
  return left;
}

/**
 * `POST /handoff` `{ sessionId, documentType?, flow?, lang?, livenessChallenge? }`: for the session's owner, a
 * token a phone may claim once within `limits.handoffTtlMs`. When a phone already holds the session's handoff
 * (the computer's page was reloaded), a token to follow it instead, with `claimed: true`.
 */
export async function createHandoff(exchange: Exchange): Promise<Response> {
  const { request, options, sessions, handoffs } = exchange;
  const subject = await authorize(exchange);
  const body = await readJsonObject(request, MAX_REQUEST_BYTES, options.limits.bodyTimeoutMs);
  const { sessionId } = body;
  if (typeof sessionId !== 'string' || !SESSION_ID.test(sessionId)) {
    throw new HttpError(400, 'bad-json', 'sessionId must be a session id.');
  }
  const stored = await sessions.get(sessionId);
  if (!stored || stored.subject !== subject) throw new HttpError(404, 'session-unknown', 'No such session.');
  const session = await withPolicy(exchange, sessionId, stored);
  const settings = readSettings(body, session);
  const left = sessionLeftMs(exchange, session.expiresAt);
  if ((await exchange.store.increment(`handoff-count:${sessionId}`, left)).count > HANDOFFS_PER_SESSION) {
    throw new HttpError(429, 'rate-limited', 'Too many codes for this session; start a new one.');
  }
  const current = await handoffs.ofSession(sessionId);
  if (current && !current.ended && current.subject === subject && (await handoffs.claimed(current))) {
    const token = await handoffs.watchToken(current, left);
    return json(200, { token, expiresAt: new Date(session.expiresAt).toISOString(), claimed: true });
  }
  const ttl = Math.min(options.limits.handoffTtlMs, left);
  const { token } = await handoffs.open({ sessionId, subject, settings }, ttl, left);
  return json(200, { token, expiresAt: new Date(options.now() + ttl).toISOString(), claimed: false });
}

async function handoffOf(exchange: Exchange, token: string): Promise<{ record: HandoffRecord; claimable: boolean }> {
  const found = TOKEN.test(token) ? await exchange.handoffs.ofToken(token) : null;
  if (!found) throw unknownHandoff();
  return found;
}

/**
 * `POST /handoff/{token}/claim`: the phone's first call, with no login of its own. The first phone gets the
 * session, the computer's settings and a key for its uploads (header `ekyc-handoff`); any later claim is refused.
 */
export async function claimHandoff(exchange: Exchange, token: string): Promise<Response> {
  const { handoffs, sessions } = exchange;
  const { record, claimable } = await handoffOf(exchange, token);
  if (!claimable || record.ended) throw unknownHandoff();
  const session = await sessions.get(record.sessionId);
  if (!session) throw unknownHandoff();
  const left = sessionLeftMs(exchange, session.expiresAt);
  const phoneKey = await handoffs.claim(record, token, left);
  if (phoneKey === null) {
    throw new HttpError(409, 'handoff-used', 'This link has already been opened on another device.');
  }
  await handoffs.append(record.id, { state: 'connected' }, left);
  return json(200, {
    sessionId: record.sessionId,
    phoneKey,
    settings: record.settings,
    expiresAt: new Date(session.expiresAt).toISOString(),
  });
}

/** The session a phone's key was given for; 403 for any other key. */
export async function phoneSession(exchange: Exchange, phoneKey: string): Promise<PhoneRecord> {
  const phone = TOKEN.test(phoneKey) ? await exchange.handoffs.phone(phoneKey) : null;
  if (!phone) throw new HttpError(403, 'handoff-forbidden', 'This device may not continue this check.');
  return phone;
}

function readProgress(body: Record<string, unknown>): { n: number; event: Omit<HandoffEvent, 'seq'> } {
  const { n, step, previousStep, result } = body;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1 || n > 10_000) {
    throw new HttpError(400, 'bad-json', 'n must be a whole number from 1.');
  }
  const state = oneOf(body, 'state', PROGRESS_STATES, 'step');
  const event: Omit<HandoffEvent, 'seq'> = { state };
  if (state === 'step') {
    if (typeof step !== 'string' || !STEPS.includes(step) || typeof previousStep !== 'string' || !STEPS.includes(previousStep)) {
      throw new HttpError(400, 'bad-json', 'step and previousStep must be steps of the flow.');
    }
    Object.assign(event, { step, previousStep });
  }
  if (state === 'done') {
    if (typeof result !== 'object' || result === null || Array.isArray(result)) {
      throw new HttpError(400, 'bad-json', 'result must be an object.');
    }
    event.result = result as Record<string, unknown>;
  }
  return { n, event };
}

/**
 * `POST /handoff/{token}/progress` `{ n, state: 'step' | 'done' | 'cancelled', step?, previousStep?, result? }`,
 * with the phone's key: news for the computer, numbered by the phone so that a resent message counts once.
 */
export async function handoffProgress(exchange: Exchange, token: string): Promise<Response> {
  const { request, options, handoffs, sessions } = exchange;
  const phoneKey = request.headers.get(PHONE_KEY_HEADER) ?? '';
  const phone = await phoneSession(exchange, phoneKey);
  const { record } = await handoffOf(exchange, token);
  if (record.id !== phone.handoffId) throw new HttpError(403, 'handoff-forbidden', 'This device may not continue this check.');
  const { n, event } = readProgress(await readJsonObject(request, MAX_PROGRESS_BYTES, options.limits.bodyTimeoutMs));
  const session = await sessions.get(record.sessionId);
  const left = session ? sessionLeftMs(exchange, Math.max(session.expiresAt, options.now() + 60_000)) : 60_000;
  if (await handoffs.firstSending(record.id, n, left)) {
    await handoffs.append(record.id, event, left);
    if (event.state !== 'step') await handoffs.end(record, phoneKey, event.state === 'cancelled', left);
  }
  return json(200, { ok: true });
}

/** The number after which the client wants events: `Last-Event-ID` (a reconnecting stream) or `?after=`. */
function afterOf(request: Request): number {
  const given = request.headers.get('last-event-id') ?? new URL(request.url).searchParams.get('after') ?? '0';
  const after = Number(given);
  if (!Number.isSafeInteger(after) || after < 0) throw new HttpError(400, 'bad-after', 'after must be a whole number.');
  return after;
}

const frame = (event: HandoffEvent): string => `id: ${event.seq}\nevent: handoff\ndata: ${JSON.stringify(event)}\n\n`;

/** Server-Sent Events: the backlog, then each event as any instance appends it, until the client goes away. */
function eventStream(exchange: Exchange, record: HandoffRecord, after: number): Response {
  const { handoffs } = exchange;
  const signal = exchange.signal ?? exchange.request.signal;
  const encoder = new TextEncoder();
  let sent = after;
  let stop: (() => Promise<void>) | null = null;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let reading = Promise.resolve();
  const close = (): void => {
    clearInterval(heartbeat);
    void stop?.().catch(() => undefined);
    stop = null;
  };
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string): void => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      // One reading at a time, in order: each sends what is new since the last.
      const catchUp = (): void => {
        reading = reading.then(async () => {
          for (const event of await handoffs.eventsAfter(record.id, sent)) {
            send(frame(event));
            sent = event.seq;
          }
        }).catch(() => undefined);
      };
      send(`retry: ${RETRY_MS}\n\n`);
      // Listening first, then reading: an event appended in between is read either way.
      stop = await handoffs.listen(record.id, catchUp);
      catchUp();
      heartbeat = setInterval(() => send(': still here\n\n'), HEARTBEAT_MS);
      if (signal.aborted) close();
      signal.addEventListener('abort', close, { once: true });
    },
    cancel: close,
  });
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      // Proxies such as nginx would hold the stream back otherwise.
      'x-accel-buffering': 'no',
    },
  });
}

/**
 * `GET /handoff/{token}/events`, for the session's owner only: Server-Sent Events when asked for
 * (`Accept: text/event-stream`), otherwise `{ events }` since `?after=` at once, for polling.
 */
export async function handoffEvents(exchange: Exchange, token: string): Promise<Response> {
  const subject = await authorize(exchange);
  const { record } = await handoffOf(exchange, token);
  // Someone else's handoff answers as an unknown one.
  if (record.subject !== subject) throw unknownHandoff();
  const after = afterOf(exchange.request);
  if (/\btext\/event-stream\b/.test(exchange.request.headers.get('accept') ?? '')) return eventStream(exchange, record, after);
  return json(200, { events: await exchange.handoffs.eventsAfter(record.id, after) });
}
