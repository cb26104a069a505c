/** Document types the API reads: identity card, passport, driver licence. */
export type DocumentType = 'idr' | 'passport' | 'dlr';
export type DocumentSide = 'front' | 'back';
export type ApiLang = 'vi' | 'en';

/** The `device-type` this component always announces. */
export const DEVICE_TYPE = 'web-sdk';

export const DOCUMENT_TYPES: readonly DocumentType[] = ['idr', 'passport', 'dlr'];

/** Where and how to reach the API. The key is optional: with a server-made session it stays on the server. */
export interface ApiConfig {
  /** Base URL of the API or of the integrator's proxy, without a trailing slash. */
  apiBase: string;
  /** Development only: sent as the `api-key` header when set. */
  apiKey?: string | undefined;
  /** Per-request time limit in milliseconds (default 30 000, also used for anything but a positive number). */
  timeoutMs?: number | undefined;
  /** The `fetch` to use (default: the global one). */
  fetch?: typeof fetch | undefined;
  /** Whether cookies go with each call: `omit`, `same-origin` (default) or `include` (another site of yours). */
  credentials?: ApiCredentials | undefined;
  /**
   * The host's own headers for its server (`authorization`, a CSRF token), or a function
   * that gives them for each call (so a token can be renewed). Sent only to a `server`
   * audience; never sent as API headers, never logged, never in an event.
   */
  headers?: HostHeaders | undefined;
  /**
   * Who answers at `apiBase`: FPT.AI itself, which takes exactly its documented headers and fields, or a
   * `server` of the integrator's (`ekyc-flow/server`, a proxy) that also takes the `Idempotency-Key` and
   * the host's `headers`. Unset, it is worked out (`audienceOf` in `api/audience.ts`).
   */
  audience?: ApiAudience | undefined;
  /** The session is handed off between devices: only `ekyc-flow/server` does that. */
  handoff?: boolean | undefined;
}

export type ApiAudience = 'fpt-ai' | 'server';

export type ApiCredentials = 'omit' | 'same-origin' | 'include';

export type HostHeaders =
  | Readonly<Record<string, string>>
  | (() => Readonly<Record<string, string>> | Promise<Readonly<Record<string, string>>>);

export interface CallOptions {
  signal?: AbortSignal | undefined;
}

export interface InitSessionOptions extends CallOptions {
  /** Sent as `client_uuid`. */
  clientUuid?: string | undefined;
  /** `only-engine: 1`: a session for OCR only. */
  onlyEngine?: boolean | undefined;
}

export interface UploadOptions extends CallOptions {
  /**
   * Sent as `Idempotency-Key` to a `server` audience (never to FPT.AI), so that a server calls the API once per capture: give
   * the same key to every retry of a capture, another to a photo taken again
   * (`idempotencyKeyOf(images)` in `api/idempotency.ts` does exactly that).
   */
  idempotencyKey?: string | undefined;
  /**
   * The capture's integrity report as JSON, sent as the form field `integrity` to a `server` audience only
   * (FPT.AI's contract has no such field).
   */
  integrity?: string | undefined;
}

export interface OcrOptions extends UploadOptions {
  sessionId: string;
  documentType: DocumentType;
  /** When set, exactly one file (that side) is sent with `side-type`. */
  side?: DocumentSide | undefined;
  /** Front first, then back. */
  files: readonly Blob[];
  lang?: ApiLang | undefined;
}

export interface FaceOptions extends UploadOptions {
  sessionId: string;
  selfies: readonly Blob[];
  /** `true` when the selfie was captured automatically by the camera flow. */
  auto: boolean;
  lang?: ApiLang | undefined;
}

/** Raw JSON as the server sends it: every value a string. */
export interface RawInitResponse {
  code: string;
  message: string;
  'session-id': string;
}

export interface RawOcrField {
  key: string;
  name: string;
  value: string;
  score: string;
  locale: string;
}

export interface RawOcrResponse {
  errorCode: string;
  errorMessage: string;
  data: RawOcrField[];
  total_data?: unknown[];
}

export interface RawLiveness {
  code: string;
  message: string;
  is_live: string;
  spoof_prob: string;
  need_to_review: string;
  is_deepfake: string;
  deepfake_prob: string;
  warning: string;
}

export interface RawFaceMatch {
  code: string;
  message: string;
  isMatch: string;
  similarity: string;
  warning: string;
}

export interface RawFaceResponse {
  code: string;
  message: string;
  liveness?: RawLiveness;
  face_match?: RawFaceMatch;
  is_complete_session?: boolean | string;
}

export interface InitSessionResult {
  sessionId: string;
  response: RawInitResponse;
}

/** One OCR field with typed values; `null` where the API said `"N/A"`. */
export interface OcrField {
  key: string;
  name: string;
  value: string | null;
  score: number | null;
  locale: string;
}

export interface OcrResult {
  response: RawOcrResponse;
  /** Typed fields by key (`ID`, `Name`, `Date of birth`…). */
  fields: Record<string, OcrField>;
}

export interface FaceResult {
  response: RawFaceResponse;
  code: string;
  message: string;
  isLive: boolean | null;
  spoofProb: number | null;
  needToReview: boolean | null;
  isDeepfake: boolean | null;
  deepfakeProb: number | null;
  isMatch: boolean | null;
  similarity: number | null;
  /** `true`: the session is used up; the document must be captured again in a new session. */
  completeSession: boolean;
}
