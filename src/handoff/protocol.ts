import { joinUrl } from '../api/request.js';
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

/** One call to the integrator's server; a refusal throws `HandoffRefused`, a lost connection a `TypeError`. */
export async function call<T>(
  api: ApiConfig,
  path: string,
  init: { method?: 'GET' | 'POST'; body?: unknown; headers?: Record<string, string>; signal?: AbortSignal },
): Promise<T> {
  const headers: Record<string, string> = { ...(await hostHeaders(api.headers)), ...init.headers };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await (api.fetch ?? fetch)(joinUrl(api.apiBase, path), {
    method: init.method ?? 'POST',
    headers,
    body: init.body === undefined ? null : JSON.stringify(init.body),
    credentials: api.credentials,
    cache: 'no-store',
    signal: init.signal ?? null,
  });
  const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
  if (!response.ok) throw new HandoffRefused(response.status, typeof body?.error === 'string' ? body.error : 'server');
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
