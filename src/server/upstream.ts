import { HttpError } from './errors.js';
import { readAll } from './stream.js';

/** FPT.AI's answers are small JSON; anything bigger is not the eKYC API talking. */
const MAX_ANSWER_BYTES = 2 * 1024 * 1024;

export interface UpstreamCall {
  url: string;
  headers: Record<string, string>;
  body?: FormData | undefined;
  timeoutMs: number;
  fetch: typeof fetch;
  /** Aborts the call, for example when the browser goes away. */
  signal?: AbortSignal | undefined;
}

export interface UpstreamAnswer {
  status: number;
  /** The answer's JSON object; `null` when it was not one. */
  json: Record<string, unknown> | null;
}

/**
 * FPT.AI did not give an answer of its own: unreachable, cut off, out of time, or an answer that is
 * not the API's (a 5xx, a proxy's page, malformed JSON). Nobody is failed for it and no attempt is
 * spent: the user's retry may call FPT.AI again.
 */
export class UpstreamUnavailable extends HttpError {
  constructor(timedOut: boolean, cause?: unknown) {
    super(
      timedOut ? 504 : 502,
      'upstream-unavailable',
      timedOut ? 'The eKYC service did not answer in time; try again.' : 'The eKYC service is unavailable; try again.',
      { cause, retryAfter: 1 },
    );
  }
}

function jsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * POSTs to FPT.AI under one deadline that covers resolving the name, connecting,
 * sending and reading the whole answer: `UpstreamUnavailable` (504 past it, 502 when
 * unreachable or cut) when no answer came.
 */
export async function callUpstream(call: UpstreamCall): Promise<UpstreamAnswer> {
  const deadline = AbortSignal.timeout(call.timeoutMs);
  const signal = call.signal ? AbortSignal.any([deadline, call.signal]) : deadline;
  try {
    const response = await call.fetch(call.url, {
      method: 'POST',
      headers: call.headers,
      body: call.body ?? null,
      signal,
      redirect: 'error',
    });
    const tooMuch = (): HttpError => new UpstreamUnavailable(false);
    const text = response.body ? (await readAll(response.body, MAX_ANSWER_BYTES, tooMuch)).toString('utf8') : '';
    return { status: response.status, json: jsonObject(text) };
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new UpstreamUnavailable(deadline.aborted, error);
  }
}
