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

  constructor(
    status: number,
    code: string,
    message: string,
    extra: { retryAfter?: number; closeConnection?: boolean; cause?: unknown } = {},
  ) {
    super(message, { cause: extra.cause });
    this.status = status;
    this.code = code;
    this.retryAfter = extra.retryAfter;
    this.closeConnection = extra.closeConnection ?? false;
  }
}
