/** The body of the server's own refusals, shaped like the API's (`code`, `message`) so the browser client reads them alike. */
export function refusalBody(error: HttpError): Record<string, unknown> {
  return { code: String(error.status), error: error.code, message: error.message, ...error.details };
}

/** A refusal or failure answered with the server's own status and a stable `code`. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  readonly status: number;
  /** A short, stable word for programs (`session-invalid`, `rate-limited`…). */
  readonly code: string;
  /** Seconds, for `Retry-After`. */
  readonly retryAfter: number | undefined;
  /** The connection is closed after this answer: the rest of the body is not read. */
  readonly closeConnection: boolean;
  /** More for programs, answered beside `code` (e.g. what a picture looks like). */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    extra: { retryAfter?: number; closeConnection?: boolean; cause?: unknown; details?: Readonly<Record<string, unknown>> } = {},
  ) {
    super(message, { cause: extra.cause });
    this.status = status;
    this.code = code;
    this.retryAfter = extra.retryAfter;
    this.closeConnection = extra.closeConnection ?? false;
    this.details = extra.details;
  }
}
