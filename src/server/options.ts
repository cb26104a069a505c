import type { IntegrityMode } from './integrity.js';
import type { EkycDocumentType, EkycFlow, PolicyOption } from './policy.js';
import type { EkycStore } from './store/types.js';
import type { Evidence, Verdict, VerdictRule } from './verdict.js';
import type { EkycResult } from './result.js';

/** Who is asking, as the integrator's own login says; `null`: nobody the integrator knows. */
export type Authorize = (request: Request) => string | null | Promise<string | null>;

export interface EkycLimits {
  /** Sessions one subject may create in an hour (default 10). */
  sessionsPerSubjectPerHour: number;
  /** Sessions one client address may create in an hour (default 30). */
  sessionsPerAddressPerHour: number;
  /** OCR calls one session may make, accepted or not (default 6). */
  ocrAttemptsPerSession: number;
  /** Face calls one session may make (default 5). */
  faceAttemptsPerSession: number;
  /** Largest upload body, in bytes (default 10 MiB). */
  maxBodyBytes: number;
  /** Largest image in an upload, in bytes (default 5 MiB). */
  maxFileBytes: number;
  /**
   * An image's shorter side, in pixels, at least (default 300): a smaller picture of a card cannot be
   * read, and is refused before FPT.AI is paid for it (`422 image-too-small`).
   */
  minImageSidePx: number;
  /**
   * An image's longer side, in pixels, at most (default 8192): a header that claims more is refused
   * before FPT.AI decodes it (`422 image-too-large`). The element sends at most 1600.
   */
  maxImageSidePx: number;
  /** A request body must have arrived whole within this time, or the connection is closed (default 30 s). */
  bodyTimeoutMs: number;
  /**
   * A request's line and headers must have arrived within this time, or it is answered 408 and its
   * connection closed (default 10 s). Applies to the servers `listen` starts.
   */
  headersTimeoutMs: number;
  /** One deadline for a call to FPT.AI: resolving, connecting, sending and answering (default 25 s). */
  upstreamTimeoutMs: number;
  /** How long a session may be used (default 30 minutes, FPT.AI's own). */
  sessionTtlMs: number;
  /** How long a session's result stays readable after it was created (default 24 hours). */
  resultTtlMs: number;
  /** How long an `Idempotency-Key`'s answer is kept (default 24 hours). */
  idempotencyTtlMs: number;
  /** How long a phone may take to claim a handoff token (default 10 minutes; never past the session). */
  handoffTtlMs: number;
  /** Event streams (`GET /handoff/{token}/events`) one subject may hold open on an instance (default 4). */
  eventStreamsPerSubject: number;
  /** Event streams one client address (an IPv6 client's /64) may hold open on an instance (default 32). */
  eventStreamsPerAddress: number;
  /** An event stream is ended after this long (default 10 minutes); the browser reconnects from its last event. */
  eventStreamLifetimeMs: number;
  /** The deadline of each call to the store (default 2 s): past it, the request gets 503 store-unavailable. */
  storeTimeoutMs: number;
}

export const DEFAULT_LIMITS: EkycLimits = {
  sessionsPerSubjectPerHour: 10,
  sessionsPerAddressPerHour: 30,
  ocrAttemptsPerSession: 6,
  faceAttemptsPerSession: 5,
  maxBodyBytes: 10 * 1024 * 1024,
  maxFileBytes: 5 * 1024 * 1024,
  minImageSidePx: 300,
  maxImageSidePx: 8192,
  bodyTimeoutMs: 30_000,
  headersTimeoutMs: 10_000,
  upstreamTimeoutMs: 25_000,
  sessionTtlMs: 30 * 60_000,
  resultTtlMs: 24 * 60 * 60_000,
  idempotencyTtlMs: 24 * 60 * 60_000,
  handoffTtlMs: 10 * 60_000,
  eventStreamsPerSubject: 4,
  eventStreamsPerAddress: 32,
  eventStreamLifetimeMs: 10 * 60_000,
  storeTimeoutMs: 2_000,
};

export interface CreatedSession {
  sessionId: string;
  subject: string;
  expiresAt: string;
  clientUuid: string | undefined;
  flow: EkycFlow;
  documentTypes: readonly EkycDocumentType[];
}

/** FPT.AI's answer to an upload, as the server is about to pass it on. */
export interface UploadRecord {
  endpoint: 'ocr' | 'face';
  sessionId: string;
  subject: string;
  /** The API headers sent (`document-type`, `side-type`, `auto`, `lang`). */
  headers: Readonly<Record<string, string>>;
  status: number;
  /** FPT.AI's JSON, every value a string. */
  response: Readonly<Record<string, unknown>>;
}

/**
 * Each hook is awaited before the browser gets its answer; when one throws, the
 * browser gets 500, and a retry with the same `Idempotency-Key` runs the hook again
 * with the answer already received (FPT.AI is not called twice).
 */
export interface EkycHooks {
  /** A session was created for `subject`. */
  onSession?: (session: CreatedSession) => void | Promise<void>;
  /** FPT.AI answered an upload (a success or a refusal). */
  onUpload?: (upload: UploadRecord) => void | Promise<void>;
  /** The session's verdict is final (`passed`, `failed` or `review`): called once a session. Decide from this. */
  onComplete?: (result: EkycResult) => void | Promise<void>;
}

export interface EkycServerOptions {
  /** The FPT.AI key: sent to FPT.AI only, never to the browser, never logged. */
  apiKey: string;
  /** FPT.AI's base URL (default `https://ekyc.fpt.ai`); `https` unless it is a loopback address. */
  apiBase?: string;
  /** Exact origins (`https://shop.example`) whose pages may call the server; `*` is refused. */
  allowedOrigins?: readonly string[];
  /**
   * Required: your own login decides who may verify. Answer a stable id of the
   * signed-in user (from your session cookie or token), or `null` to refuse with 401.
   */
  authorize?: Authorize;
  /**
   * Development only: lets requests without a login through as one anonymous
   * subject, from loopback addresses only. Warns at start-up.
   */
  allowAnonymousOnLoopback?: boolean;
  /**
   * What a session checks (default `full`): `full` (document, then selfie) or `document-only`. Fixed when the
   * session is created; the page cannot change it. A function chooses per session.
   */
  flow?: PolicyOption<EkycFlow>;
  /**
   * The document types a session accepts (default all: `idr`, `passport`, `dlr`). Fixed when the session is
   * created; an upload of another type is refused. A function chooses per session.
   */
  documentTypes?: PolicyOption<readonly EkycDocumentType[]>;
  limits?: Partial<EkycLimits>;
  /** Where sessions, limits and idempotency records live (default: this process's memory). */
  store?: EkycStore;
  /** The path the routes live under, e.g. `/api/ekyc` in a Next.js catch-all route (default none). */
  basePath?: string;
  /**
   * The reverse proxies in front of this server: addresses or ranges (`10.0.0.0/8`, `::1`,
   * `2001:db8::/32`). From a trusted peer, the client's address is read from `X-Forwarded-For`,
   * right to left, skipping trusted hops; from any other peer, `X-Forwarded-For` is ignored.
   */
  trustedProxies?: readonly string[];
  /**
   * The client's address, for the per-address limit, when neither the socket nor `trustedProxies`
   * can tell (a platform's own header, say); `undefined` leaves it to them. The socket's address is `peer`.
   */
  clientAddress?: (request: Request, peer: string | undefined) => string | undefined;
  /**
   * What a session whose capture-integrity signals flag gets (default `review`): `review` turns a pass into
   * `review`, `fail` into `failed`, both adding the reason `capture-integrity`; `ignore` leaves the verdict
   * to the rule (which sees `evidence.integrity` either way). Applied after your own rule too.
   */
  integrity?: IntegrityMode;
  /** The default rule's settings, or a rule of your own. */
  verdict?: Partial<VerdictRule> | ((evidence: Evidence) => Verdict);
  hooks?: EkycHooks;
  /** One line a request (method, route, status, time) and warnings; never headers, bodies or keys. */
  log?: (line: string) => void;
  /** The `fetch` used to call FPT.AI (default: the global one). */
  fetch?: typeof fetch;
  now?: () => number;
}
