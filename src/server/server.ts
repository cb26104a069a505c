import { errorAnswer, json } from './answer.js';
import { clientAddressOf } from './client-address.js';
import type { Exchange } from './context.js';
import { corsHeaders, preflightHeaders } from './cors.js';
import { HttpError } from './errors.js';
import { Handoffs } from './handoff.js';
import { claimHandoff, createHandoff, handoffEvents, handoffProgress } from './handoff-route.js';
import { Idempotency } from './idempotency.js';
import type { ResolvedOptions } from './resolve-options.js';
import { readResult } from './result-route.js';
import { methodOf, routeOf, type Route } from './router.js';
import { createSession } from './session-route.js';
import { Sessions } from './sessions.js';
import type { EkycStore } from './store/types.js';
import { StreamSlots } from './stream-slots.js';
import { forwardUpload } from './upload-route.js';

/** What the Node adapters know of a request beyond the `Request` itself. */
export interface RequestContext {
  /** The socket's remote address. */
  peer?: string | undefined;
  /** Aborted when the client goes away. */
  signal?: AbortSignal | undefined;
}

export type FetchHandler = (request: Request, context?: RequestContext) => Promise<Response>;

function dispatch(route: Route, exchange: Exchange): Promise<Response> {
  switch (route.name) {
    case 'health':
      return health(exchange.store);
    case 'session':
      return createSession(exchange);
    case 'upload':
      return forwardUpload(route.upload, exchange);
    case 'result':
      return readResult(exchange, route.sessionId);
    case 'handoff':
      return createHandoff(exchange);
    case 'handoff-claim':
      return claimHandoff(exchange, route.token);
    case 'handoff-progress':
      return handoffProgress(exchange, route.token);
    case 'handoff-events':
      return handoffEvents(exchange, route.token);
  }
}

/** `GET /health`: this instance answers, and so does its store (`503` when not, for a load balancer to drain it). */
async function health(store: EkycStore): Promise<Response> {
  try {
    await store.get('health');
    return json(200, { status: 'ok', store: 'ok' });
  } catch {
    return json(503, { status: 'unavailable', store: 'unavailable' }, { 'retry-after': '1' });
  }
}

function pathnameOf(request: Request): string | null {
  try {
    return new URL(request.url).pathname;
  } catch {
    return null;
  }
}

/** The Fetch handler: every answer JSON, every failure an answer, never a throw. */
export function createFetchHandler(options: ResolvedOptions, store: EkycStore): FetchHandler {
  const sessions = new Sessions(store, Math.max(options.limits.sessionTtlMs, options.limits.resultTtlMs));
  const { idempotencyTtlMs, upstreamTimeoutMs, storeTimeoutMs } = options.limits;
  const idempotency = new Idempotency(store, idempotencyTtlMs, upstreamTimeoutMs, storeTimeoutMs);
  const handoffs = new Handoffs(store);
  const streams = new StreamSlots({ perSubject: options.limits.eventStreamsPerSubject, perAddress: options.limits.eventStreamsPerAddress });

  return async (request, context = {}) => {
    const started = performance.now();
    const pathname = pathnameOf(request);
    const route = pathname === null ? null : routeOf(pathname, options.basePath);
    const origin = request.headers.get('origin');
    const cors = corsHeaders(origin, options.allowedOrigins);
    let response: Response;
    try {
      if (!route) throw new HttpError(404, 'not-found', 'Not found.');
      const allow = { allow: `${methodOf(route)}, OPTIONS` };
      if (!cors) throw new HttpError(403, 'origin-not-allowed', 'This origin is not allowed.');
      if (request.method === 'OPTIONS') {
        if (origin === null) throw new HttpError(403, 'origin-not-allowed', 'This origin is not allowed.');
        response = new Response(null, {
          status: 204,
          headers: { ...preflightHeaders(cors, request.headers.get('access-control-request-headers')), ...allow },
        });
      } else if (request.method !== methodOf(route)) {
        response = errorAnswer(new HttpError(405, 'method-not-allowed', `Use ${methodOf(route)}.`), { ...cors, ...allow });
      } else {
        const { peer } = context;
        const address =
          options.clientAddress?.(request, peer) ?? clientAddressOf(peer, request.headers.get('x-forwarded-for'), options.trustedProxies);
        const exchange: Exchange = { request, options, store, sessions, idempotency, handoffs, streams, address, peer, signal: context.signal };
        response = await dispatch(route, exchange);
        for (const [name, value] of Object.entries(cors)) response.headers.set(name, value);
      }
    } catch (error) {
      const known =
        error instanceof HttpError ? error : new HttpError(500, 'server-error', 'The server failed.', { cause: error });
      if (!(error instanceof HttpError)) options.log?.(`unexpected failure: ${error instanceof Error ? error.name : 'error'}`);
      response = errorAnswer(known, cors ?? {});
    }
    const ms = Math.round(performance.now() - started);
    options.log?.(`${request.method} ${route ? route.name : '(other)'} → ${response.status} (${ms} ms)`);
    return response;
  };
}

