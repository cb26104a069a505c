import type { FaceResult } from './types.js';

/**
 * Every way a call to the eKYC API can fail, as one union.
 *
 * - `network`: the request never got an HTTP answer (offline, DNS, CORS, connection reset).
 * - `timeout`: no complete answer within the configured time.
 * - `aborted`: the caller's `AbortSignal` fired.
 * - `http`: an HTTP status other than 200 that is not a session problem (4xx, 5xx).
 * - `bad-response`: the body is not JSON, or JSON of the wrong shape.
 * - `session-expired`: HTTP `403`, or `errorCode`/`code` `"403"`: the session is invalid or timed out.
 * - `document-not-found`: OCR `errorCode` `"3"`.
 * - `face-mismatch`: face `code` `"303"`.
 * - `multiple-faces`: face `code` `"407"`.
 * - `side-mismatch`: `422` from the integrator's server (`ekyc-flow/server`): FPT.AI read another side or
 *   document than the upload said (the front sent as the back).
 * - `api`: any other API code, kept verbatim in `apiCode`.
 */
export type ApiErrorCode =
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'http'
  | 'bad-response'
  | 'session-expired'
  | 'document-not-found'
  | 'face-mismatch'
  | 'multiple-faces'
  | 'side-mismatch'
  | 'api';

export interface ApiErrorInit {
  /** HTTP status, when an HTTP answer arrived. */
  status?: number;
  /** The API's own `errorCode` / `code`, verbatim. */
  apiCode?: string;
  /** The parsed JSON body, when there was one. */
  body?: unknown;
  cause?: unknown;
}

/** The one error type thrown by the API client. */
export class EkycApiError extends Error {
  override readonly name = 'EkycApiError';
  readonly code: ApiErrorCode;
  readonly status: number | undefined;
  readonly apiCode: string | undefined;
  readonly body: unknown;

  constructor(code: ApiErrorCode, message: string, init: ApiErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = code;
    this.status = init.status;
    this.apiCode = init.apiCode;
    this.body = init.body;
  }

  /**
   * Errors worth retrying unchanged: the request may succeed a moment later (no answer, a 5xx, a 429, or
   * ekyc-flow/server's `409 upload-in-progress`).
   */
  get transient(): boolean {
    return (
      this.code === 'network' ||
      this.code === 'timeout' ||
      (this.code === 'http' && (this.status ?? 0) >= 500) ||
      (this.code === 'http' && this.status === 429) ||
      // ekyc-flow/server takes one upload of a session at a time: the same request is taken once the other is done.
      (this.status === 409 && (this.body as { error?: unknown } | null)?.error === 'upload-in-progress')
    );
  }
}

export const isEkycApiError = (value: unknown): value is EkycApiError =>
  value instanceof EkycApiError;

/** A face-check refusal: carries the typed result, `completeSession` above all. */
export class EkycFaceError extends EkycApiError {
  readonly result: FaceResult;
  constructor(code: 'face-mismatch' | 'multiple-faces' | 'api', message: string, result: FaceResult, status: number) {
    super(code, message, { status, apiCode: result.code, body: result.response });
    this.result = result;
  }
}
