/** Why the face detector could not start. */
export type FaceDetectorFailure =
  /** The model or wasm files could not be fetched from `assets-base` (missing, blocked by CSP, offline). */
  | 'assets'
  /** The files arrived but MediaPipe failed to start (no WebAssembly, WebGL, broken model…). */
  | 'runtime'
  /** The detector was closed or its worker died. */
  | 'closed';

/**
 * The face detector is unavailable. The element reports it as an `ekyc-error` and falls back to
 * a manual selfie (capture button, no face checks).
 */
export class FaceDetectorError extends Error {
  override readonly name = 'FaceDetectorError';

  constructor(
    readonly failure: FaceDetectorFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Wraps anything thrown while loading into a {@link FaceDetectorError}. */
export function asFaceDetectorError(error: unknown, failure: FaceDetectorFailure): FaceDetectorError {
  if (error instanceof FaceDetectorError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new FaceDetectorError(failure, `face detector unavailable: ${message}`, { cause: error });
}
