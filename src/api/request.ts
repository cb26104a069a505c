import { audienceOf } from './audience.js';
import { EkycApiError } from './errors.js';
import type { ApiConfig } from './types.js';

const DEFAULT_TIMEOUT_MS = 30_000;

export interface RequestOptions {
  /** `POST` unless said. */
  method?: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: FormData | string | undefined;
  signal?: AbortSignal | undefined;
}

export interface PostOptions extends RequestOptions {
  path: '/session/init' | '/ocr' | '/face/liveness';
  body?: FormData | undefined;
}

export interface JsonAnswer {
  status: number;
  body: unknown;
}

/** POSTs to the API: {@link requestJson} on one of FPT.AI's paths. */
export const postJson = (config: ApiConfig, options: PostOptions): Promise<JsonAnswer> => requestJson(config, options);

/**
 * Calls the API (or the integrator's server) within the request time limit and reads a JSON body, turning every
 * transport failure into an `EkycApiError`. HTTP statuses are left to the caller.
 */
export async function requestJson(config: ApiConfig, options: RequestOptions): Promise<JsonAnswer> {
  // An empty or mistyped `request-timeout` (0, NaN, negative) would fail every request at once.
  const given = config.timeoutMs;
  const timeoutMs = given !== undefined && Number.isFinite(given) && given > 0 ? given : DEFAULT_TIMEOUT_MS;
  // One controller for both reasons to stop (AbortSignal.any is too recent for older Safari).
  const timeout = new AbortController();
  const combined = new AbortController();
  const timer = setTimeout(() => {
    timeout.abort();
    combined.abort();
  }, timeoutMs);
  const onCallerAbort = (): void => combined.abort();
  options.signal?.addEventListener('abort', onCallerAbort, { once: true });
  const signal = combined.signal;
  const fail = (cause: unknown): EkycApiError => {
    if (options.signal?.aborted) return new EkycApiError('aborted', 'The request was cancelled.', { cause });
    if (timeout.signal.aborted) {
      return new EkycApiError('timeout', `No answer from the API within ${timeoutMs} ms.`, { cause });
    }
    return new EkycApiError('network', 'The API could not be reached.', { cause });
  };

  const doFetch = config.fetch ?? globalThis.fetch.bind(globalThis);
  try {
    if (options.signal?.aborted) throw fail(options.signal.reason);
    let response: Response;
    try {
      // A host headers function that fails leaves the call unsent, as a network failure would.
      response = await doFetch(joinUrl(config.apiBase, options.path), {
        method: options.method ?? 'POST',
        headers: await headersOf(config, options.headers),
        body: options.body ?? null,
        signal,
        credentials: config.credentials, // fetch's default: same-origin
        cache: 'no-store',
      });
    } catch (cause) {
      throw fail(cause);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      throw fail(cause);
    }
    return { status: response.status, body: parseJson(text, response.status) };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCallerAbort);
  }
}

/**
 * The host's headers (for its own server only: FPT.AI takes none), then the API's own over them: a host
 * header cannot change the session or the key.
 */
async function headersOf(config: ApiConfig, own: Record<string, string>): Promise<Headers> {
  const host = audienceOf(config) === 'server' ? config.headers : undefined;
  const headers = new Headers(typeof host === 'function' ? await host() : host);
  for (const [name, value] of Object.entries(own)) headers.set(name, value);
  return headers;
}

function parseJson(text: string, status: number): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    if (status === 403) return undefined;
    if (status !== 200) {
      throw new EkycApiError('http', `The API answered HTTP ${status}.`, { status, cause });
    }
    throw new EkycApiError('bad-response', 'The API answered with a body that is not JSON.', {
      status,
      cause,
    });
  }
}

export function joinUrl(base: string, path: string): string {
  return base.replace(/\/+$/, '') + path;
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
