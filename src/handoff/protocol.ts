import { EkycApiError } from '../api/errors.js';
import { isRecord, requestJson, type JsonAnswer } from '../api/request.js';
import type { ApiConfig, HostHeaders } from '../api/types.js';
import type { EkycCompleteDetail, Step } from '../events.js';
import { PHONE_KEY_HEADER, type HandoffSettings, type HandoffState } from './wire.js';

export { PHONE_KEY_HEADER, type HandoffSettings };

export interface CreatedHandoff {
  token: string;
  expiresAt: string;
  /** A phone already holds the session's handoff: the token only follows it. */
  claimed: boolean;
}

export interface ClaimedHandoff {
  sessionId: string;
  phoneKey: string;
  settings: HandoffSettings;
}

/** What the phone tells the computer. */
export type HandoffNews =
  | { state: 'step'; step: Step; previousStep: Step }
  | { state: 'done'; result: EkycCompleteDetail }
  | { state: 'cancelled' };

/** The news as the server numbered it, with its own first two: a handoff opened, then claimed. */
export type HandoffEvent = { seq: number } & (HandoffNews | { state: Extract<HandoffState, 'waiting' | 'connected'> });

/** The server's refusal: `status` and its stable word (`handoff-used`, `handoff-unknown`…). */
export class HandoffRefused extends Error {
  override readonly name = 'HandoffRefused';
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`The server refused the handoff: ${status} ${code}`);
  }
}

export const hostHeaders = async (headers: HostHeaders | undefined): Promise<Record<string, string>> =>
  ({ ...(typeof headers === 'function' ? await headers() : headers) });

/**
 * One call to the integrator's server, within the request time limit; a refusal throws `HandoffRefused`, a call that
 * got no answer an `EkycApiError`.
 */
export async function call<T>(
  api: ApiConfig,
  path: string,
  init: { method?: 'GET' | 'POST'; body?: unknown; headers?: Record<string, string>; signal?: AbortSignal },
): Promise<T> {
  const json = init.body !== undefined;
  const headers = { ...init.headers, ...(json ? { 'content-type': 'application/json' } : {}) };
  let answer: JsonAnswer;
  try {
    // Handoff paths are only ever the integrator's server's.
    answer = await requestJson({ ...api, audience: 'server' }, { method: init.method, path, headers, body: json ? JSON.stringify(init.body) : undefined, signal: init.signal });
  } catch (error) {
    // An answer that is not JSON (a proxy's error page) is a refusal all the same.
    const status = error instanceof EkycApiError ? error.status : undefined;
    if (status !== undefined && (status < 200 || status > 299)) throw new HandoffRefused(status, 'server');
    throw error;
  }
  const { status, body } = answer;
  if (status < 200 || status > 299) throw new HandoffRefused(status, isRecord(body) && typeof body.error === 'string' ? body.error : 'server');
  return body as T;
}

const tokenPath = (token: string, what: string): string => `/handoff/${encodeURIComponent(token)}/${what}`;

/** Follows a handoff's events from `after`; a `done` or `cancelled` event ends it. */
export const eventsPath = (token: string, after: number): string => `${tokenPath(token, 'events')}?after=${after}`;

export const createHandoff = (api: ApiConfig, sessionId: string, settings: HandoffSettings): Promise<CreatedHandoff> =>
  call(api, '/handoff', { body: { sessionId, ...settings } });

export const claimHandoff = (api: ApiConfig, token: string): Promise<ClaimedHandoff> =>
  call(api, tokenPath(token, 'claim'), { body: {} });

export const sendNews = (api: ApiConfig, token: string, phoneKey: string, n: number, news: HandoffNews, signal?: AbortSignal): Promise<unknown> =>
  call(api, tokenPath(token, 'progress'), { body: { n, ...news }, headers: { [PHONE_KEY_HEADER]: phoneKey }, signal });
