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

/** Codes of a failure before anything was sent: the call can be made again safely. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** The upstream could not be reached, and never saw the request: a retry may call it again. */
export class UpstreamNotReached extends HttpError {
  constructor(cause: unknown) {
    super(502, 'upstream-unreachable', 'The eKYC service could not be reached.', { cause });
  }
}

function codeOf(error: unknown): string | undefined {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
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
 * sending and reading the whole answer: 504 past it, 502 when unreachable or cut.
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
    const tooMuch = (): HttpError => new HttpError(502, 'upstream-bad-answer', 'The eKYC service answered too much.');
    const text = response.body ? (await readAll(response.body, MAX_ANSWER_BYTES, tooMuch)).toString('utf8') : '';
    return { status: response.status, json: jsonObject(text) };
  } catch (error) {
    if (error instanceof HttpError) throw error;
    if (deadline.aborted) {
      throw new HttpError(504, 'upstream-timeout', 'The eKYC service did not answer in time.', { cause: error });
    }
    const code = codeOf(error);
    if (code !== undefined && NOT_SENT.has(code)) throw new UpstreamNotReached(error);
    throw new HttpError(502, 'upstream-failed', 'The eKYC service could not be reached.', { cause: error });
  }
}
