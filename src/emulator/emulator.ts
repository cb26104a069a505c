import {
  contractViolations,
  DOCUMENTED_HEADERS,
  routeOf,
  type ApiRoute,
  type ContractViolation,
} from '../api/contract.js';
import { imageTypeOf } from '../api/image-type.js';
import type { ApiLang, DocumentSide, DocumentType } from '../api/types.js';
import { ocrData, type KnownIdCard } from './documents.js';
import { faultApplies, type EmulatorEndpoint, type EmulatorFault, ENDPOINT_PATHS } from './faults.js';
import { message, type MessageId } from './messages.js';

/** What the emulator does with a request: answer it, drop the connection, or never answer. */
export type EmulatorOutcome =
  | { kind: 'response'; response: Response }
  | { kind: 'network-error' }
  | { kind: 'hang' };

export interface RecordedFile {
  field: string;
  name: string;
  type: string;
  size: number;
}

/** A request as the server saw it, for tests and the demo's log. */
export interface RecordedRequest {
  endpoint: EmulatorEndpoint | 'unknown';
  method: string;
  url: string;
  /** Every header, names lower-cased. */
  headers: Record<string, string>;
  /** Multipart file parts in the order sent. */
  files: RecordedFile[];
  /** Names of multipart parts that were not files. */
  textFields: string[];
  /** Where it broke FPT.AI's contract (it was then refused with `422 contract-violation`). */
  violations: ContractViolation[];
  /** What was answered; `null` for a dropped or unanswered request. */
  status: number | null;
  answer: unknown;
}

interface Session {
  id: string;
  apiKey: string;
  deviceType: string;
  onlyEngine: boolean;
  clientUuid: string | undefined;
  expiresAt: number;
  usedUp: boolean;
  acceptedSides: Partial<Record<DocumentType, Set<DocumentSide>>>;
  /** The picture of the last front read: the face a selfie is compared with. */
  front: Blob | undefined;
  faceFailures: number;
}

export interface EmulatorOptions {
  /** Keys `/session/init` accepts (default `['demo-key']`). */
  apiKeys?: readonly string[];
  /** Session lifetime (default 30 minutes, as FPT.AI's default). */
  sessionTtlMs?: number;
  /** Face refusals a session allows before it is used up (default 3). */
  maxFaceFailures?: number;
  /** Delay before each answer, to make the demo feel like a network (default 0). */
  latencyMs?: number;
  now?: () => number;
  /** See {@link EkycEmulator.recogniseCard}. */
  recogniseCard?: CardRecogniser;
  /** See {@link EkycEmulator.matchFace}. */
  matchFace?: FaceMatcher;
}

/** Tells which of `KNOWN_ID_CARDS` a picture shows, or `null`. */
export type CardRecogniser = (image: Blob) => Promise<KnownIdCard | null> | KnownIdCard | null;

/** Whether `selfie` shows the holder of the document whose front is `front`. */
export type FaceMatcher = (selfie: Blob, front: Blob) => Promise<boolean> | boolean;

export interface QueuedFault {
  fault: EmulatorFault;
  endpoint: EmulatorEndpoint | 'any';
  /** Only OCR requests of this side (`side-type`), when set. */
  side: DocumentSide | null;
  remaining: number;
}

export interface InjectOptions {
  endpoint?: EmulatorEndpoint | 'any';
  /** Only OCR requests with this `side-type`. */
  side?: DocumentSide;
  /** How many matching requests get the fault (default 1). */
  times?: number;
}

/** A request that breaks FPT.AI's contract, and how it broke it. */
export interface EmulatorViolation extends ContractViolation {
  url: string;
}

/** The status the emulator refuses a contract violation with: one the API itself never answers. */
export const CONTRACT_VIOLATION_STATUS = 422;

const ENDPOINTS = Object.fromEntries(
  (Object.keys(ENDPOINT_PATHS) as EmulatorEndpoint[]).map((endpoint) => [ENDPOINT_PATHS[endpoint], endpoint]),
) as Record<ApiRoute, EmulatorEndpoint>;

/** CORS answers as FPT.AI's would give them: any origin, only the documented request headers. */
const CORS_HEADERS = { 'access-control-allow-origin': '*' };
const PREFLIGHT_HEADERS = {
  ...CORS_HEADERS,
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': DOCUMENTED_HEADERS.join(', '),
  'access-control-max-age': '600',
};

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...CORS_HEADERS },
  });

const respond = (status: number, body: unknown): EmulatorOutcome => ({
  kind: 'response',
  response: json(status, body),
});

const raw = (status: number, body: string, type: string): EmulatorOutcome => ({
  kind: 'response',
  response: new Response(body, { status, headers: { 'content-type': type, 'access-control-allow-origin': '*' } }),
});

/**
 * A stand-in for the FPT.AI eKYC server. It enforces the contract of
 * DESIGN §1 strictly and keeps sessions in memory. It speaks standard
 * `Request`/`Response`, so the same code serves a Mock Service Worker in the
 * browser and a plain Node HTTP server.
 */
export class EkycEmulator {
  readonly requests: RecordedRequest[] = [];
  /** Every way a request (or a CORS preflight) broke FPT.AI's contract, in order: empty while the caller keeps to it. */
  readonly violations: EmulatorViolation[] = [];
  private readonly sessions = new Map<string, Session>();
  private faults: QueuedFault[] = [];
  private readonly apiKeys: readonly string[];
  private readonly sessionTtlMs: number;
  private readonly maxFaceFailures: number;
  private readonly now: () => number;
  latencyMs: number;
  /**
   * How the emulator tells one of its known ID cards (`KNOWN_ID_CARDS`) from another picture, so that OCR answers
   * what that card prints (tests pass one that reads the card's QR code). Without it, or when it answers `null`
   * or fails, an ID card reads as the default made-up person.
   */
  recogniseCard: CardRecogniser | undefined;
  /**
   * How the emulator tells whether a selfie shows the holder of the document read in its session, as
   * FPT.AI compares them: when it answers `false`, the selfie is refused as not matching (code 303).
   * Without it, every live selfie matches.
   */
  matchFace: FaceMatcher | undefined;

  constructor(options: EmulatorOptions = {}) {
    this.apiKeys = options.apiKeys ?? ['demo-key'];
    this.sessionTtlMs = options.sessionTtlMs ?? 30 * 60_000;
    this.maxFaceFailures = options.maxFaceFailures ?? 3;
    this.latencyMs = options.latencyMs ?? 0;
    this.now = options.now ?? Date.now;
    this.recogniseCard = options.recogniseCard;
    this.matchFace = options.matchFace;
  }

  /** Makes the next `times` matching requests answer with `fault`. */
  inject(fault: EmulatorFault, options: InjectOptions = {}): void {
    this.faults.push({
      fault,
      endpoint: options.endpoint ?? 'any',
      side: options.side ?? null,
      remaining: options.times ?? 1,
    });
  }

  /** Faults still waiting for a request. */
  get queuedFaults(): readonly Readonly<QueuedFault>[] {
    return this.faults;
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** Forgets recorded requests and violations (sessions stay). */
  clearRequests(): void {
    this.requests.length = 0;
    this.violations.length = 0;
  }

  /** What the integrator's server does: creates a session with its key. */
  createSession(options: { apiKey?: string; onlyEngine?: boolean; clientUuid?: string } = {}): string {
    const apiKey = options.apiKey ?? this.apiKeys[0] ?? 'demo-key';
    const id = crypto.randomUUID();
    this.sessions.set(id, {
      id,
      apiKey,
      deviceType: 'web-sdk',
      onlyEngine: options.onlyEngine ?? false,
      clientUuid: options.clientUuid,
      expiresAt: this.now() + this.sessionTtlMs,
      usedUp: false,
      acceptedSides: {},
      front: undefined,
      faceFailures: 0,
    });
    return id;
  }

  /** Ends a session now, as a timeout would. */
  expireSession(id: string): void {
    const session = this.sessions.get(id);
    if (session) session.expiresAt = this.now() - 1;
  }

  /**
   * Answers one request. `basePath` is the path the API is mounted under (`/api` for `https://host/api/ocr`);
   * routes match exactly below it.
   */
  async handle(request: Request, basePath = ''): Promise<EmulatorOutcome> {
    if (request.method === 'OPTIONS') return { kind: 'response', response: this.preflight(request) };
    const record: RecordedRequest = {
      endpoint: 'unknown',
      method: request.method,
      url: request.url,
      headers: Object.fromEntries([...request.headers].map(([name, value]) => [name.toLowerCase(), value])),
      files: [],
      textFields: [],
      violations: [],
      status: null,
      answer: null,
    };
    this.requests.push(record);
    const outcome = await this.answer(request, record, basePath);
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    if (outcome.kind === 'response') {
      record.status = outcome.response.status;
      const text = await outcome.response.clone().text();
      try {
        record.answer = JSON.parse(text) as unknown;
      } catch {
        record.answer = text;
      }
    }
    return outcome;
  }

  /**
   * A CORS preflight: it allows only the documented headers, so a browser never sends another to FPT.AI.
   * Asking for another is recorded as a violation (the browser then fails the request without sending it).
   */
  private preflight(request: Request): Response {
    const asked = (request.headers.get('access-control-request-headers') ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name !== '');
    const path = new URL(request.url).pathname;
    for (const name of asked.filter((header) => !DOCUMENTED_HEADERS.includes(header))) {
      this.violations.push({
        url: request.url,
        route: path,
        kind: 'preflight',
        name,
        detail: `A preflight asked for header ${name}, which FPT.AI's CORS does not allow.`,
      });
    }
    return new Response(null, { status: 204, headers: PREFLIGHT_HEADERS });
  }

  private async answer(request: Request, record: RecordedRequest, basePath: string): Promise<EmulatorOutcome> {
    const path = pathBelow(new URL(request.url).pathname, basePath);
    const route = routeOf(path);
    const images: Blob[] = [];
    const parts = route && route !== '/session/init' ? await readParts(request, record, images) : null;
    record.violations = contractViolations({ method: request.method, path, headers: record.headers, parts });
    this.violations.push(...record.violations.map((violation) => ({ url: request.url, ...violation })));
    if (!route) return respond(404, { code: '404', message: 'Not found' });
    const endpoint = ENDPOINTS[route];
    record.endpoint = endpoint;
    if (request.method !== 'POST') return respond(405, { code: '405', message: 'Method not allowed' });
    if (record.violations.length > 0) return contractViolation(endpoint, record.violations);
    const lang: ApiLang = record.headers['lang'] === 'vi' ? 'vi' : 'en';
    if (endpoint === 'init') return this.init(record);

    const fault = this.takeFault(endpoint, record.headers['side-type']);
    const transport = fault && transportFault(fault, endpoint);
    if (transport) return transport;

    const sessionCheck = this.checkSession(record);
    if (typeof sessionCheck === 'string') return this.expired(endpoint, sessionCheck, lang);
    const session = sessionCheck;
    if (fault === 'session-expired') {
      session.expiresAt = this.now() - 1;
      return this.expired(endpoint, 'timed out', lang);
    }
    const notImage = await firstNonImage(images);
    if (notImage !== null) return badRequest(endpoint, `File ${notImage + 1} is not a JPEG or PNG image.`);
    if (endpoint === 'face') return this.face(session, lang, fault ?? (await this.mismatch(session, images[0])));
    return this.ocr(record, session, lang, fault, await this.knownCard(record, images), images[0]);
  }

  /** The known ID card the first picture of an ID card request shows, if the recogniser says so. */
  private async knownCard(record: RecordedRequest, images: readonly Blob[]): Promise<KnownIdCard | null> {
    const [image] = images;
    if (!this.recogniseCard || !image || record.headers['document-type'] !== 'idr') return null;
    try {
      return await this.recogniseCard(image);
    } catch {
      return null;
    }
  }

  private init(record: RecordedRequest): EmulatorOutcome {
    const fault = this.takeFault('init');
    const transport = fault && transportFault(fault, 'init');
    if (transport) return transport;
    const apiKey = record.headers['api-key'];
    if (!apiKey || !this.apiKeys.includes(apiKey)) {
      return respond(401, { code: '401', message: 'Invalid api-key' });
    }
    const deviceType = record.headers['device-type'];
    if (!deviceType) return respond(400, { code: '400', message: 'Missing header: device-type' });
    const id = this.createSession({
      apiKey,
      onlyEngine: record.headers['only-engine'] === '1',
      clientUuid: record.headers['client_uuid'],
    });
    const session = this.sessions.get(id);
    if (session) session.deviceType = deviceType;
    return respond(200, { code: '200', message: 'success', 'session-id': id });
  }

  /** The session the request names, or why it is refused. */
  private checkSession(record: RecordedRequest): Session | string {
    const session = this.sessions.get(record.headers['session-id'] ?? '');
    if (!session) return 'not registered';
    if (session.usedUp) return 'already complete';
    if (session.expiresAt <= this.now()) return 'timed out';
    if (record.headers['device-type'] !== session.deviceType) return 'device type does not match';
    const key = record.headers['api-key'];
    if (key !== undefined && key !== session.apiKey) return 'api-key does not match';
    return session;
  }

  private expired(endpoint: EmulatorEndpoint, _why: string, lang: ApiLang): EmulatorOutcome {
    const text = message('sessionExpired', lang);
    return respond(403, endpoint === 'ocr' ? { errorCode: '403', errorMessage: text } : { code: '403', message: text });
  }

  private ocr(
    record: RecordedRequest,
    session: Session,
    lang: ApiLang,
    fault: EmulatorFault | undefined,
    card: KnownIdCard | null,
    picture: Blob | undefined,
  ): EmulatorOutcome {
    const documentType = record.headers['document-type'] as DocumentType;
    const sideHeader = record.headers['side-type'] as DocumentSide | undefined;
    const sides: DocumentSide[] =
      documentType === 'passport' ? ['front'] : sideHeader ? [sideHeader] : ['front', 'back'];
    const accepted = (session.acceptedSides[documentType] ??= new Set());
    if (sides[0] === 'back' && !accepted.has('front')) {
      return apiError('ocr', '2', 'frontFirst', lang);
    }
    if (fault === 'document-not-found') return apiError('ocr', '3', 'documentNotFound', lang);
    if (fault === 'document-expired') return apiError('ocr', '4', 'documentExpired', lang);
    if (fault === 'document-invalid') return apiError('ocr', '5', 'documentInvalid', lang);
    if (fault === 'unknown-code') return apiError('ocr', '999', 'unknown', lang);
    sides.forEach((side) => accepted.add(side));
    if (sides[0] === 'front') session.front = picture;
    return respond(200, { errorCode: '0', errorMessage: '', data: ocrData(documentType, sides, lang, card), total_data: [] });
  }

  /** `face-mismatch` when `matchFace` says the selfie is not the holder of the front read. */
  private async mismatch(session: Session, selfie: Blob | undefined): Promise<EmulatorFault | undefined> {
    if (!this.matchFace || !selfie || !session.front) return undefined;
    return (await this.matchFace(selfie, session.front)) ? undefined : 'face-mismatch';
  }

  private face(session: Session, lang: ApiLang, fault: EmulatorFault | undefined): EmulatorOutcome {
    if (session.onlyEngine) return badRequest('face', 'This session was created for OCR only.');
    const hasFront = Object.values(session.acceptedSides).some((sides) => sides.has('front'));
    if (!hasFront) return badRequest('face', 'No document has been read in this session yet.');

    if (fault === 'face-mismatch' || fault === 'face-mismatch-final') {
      return this.faceRefusal(session, '303', 'faceMismatch', lang, fault === 'face-mismatch-final', {
        isMatch: 'false',
        similarity: '5.84',
      });
    }
    if (fault === 'multiple-faces') return this.faceRefusal(session, '407', 'twoFaces', lang, false);
    if (fault === 'selfie-invalid') return this.faceRefusal(session, '406', 'selfieInvalid', lang, false);
    if (fault === 'unknown-code') return this.faceRefusal(session, '999', 'unknown', lang, false);
    // Checked and answered with code 200, yet not a pass: the results say why.
    const { liveness, match } = (fault && FACE_RESULTS[fault]) ?? {};
    const matched = { isMatch: 'true', similarity: '95.84', ...match };
    return respond(200, faceBody('200', message('livenessOk', lang), lang, matched, false, undefined, liveness));
  }

  private faceRefusal(
    session: Session,
    code: string,
    id: MessageId,
    lang: ApiLang,
    final: boolean,
    match: { isMatch: string; similarity: string } = { isMatch: 'N/A', similarity: 'N/A' },
  ): EmulatorOutcome {
    session.faceFailures += 1;
    const complete = final || session.faceFailures >= this.maxFaceFailures;
    if (complete) session.usedUp = true;
    const text = message(id, lang);
    return respond(200, faceBody(code, text, lang, match, complete, text));
  }

  private takeFault(endpoint: EmulatorEndpoint, side?: string): EmulatorFault | undefined {
    const index = this.faults.findIndex(
      (queued) =>
        (queued.endpoint === 'any' || queued.endpoint === endpoint) &&
        (queued.side === null || queued.side === side) &&
        faultApplies(queued.fault, endpoint),
    );
    const queued = this.faults[index];
    if (!queued) return undefined;
    queued.remaining -= 1;
    if (queued.remaining <= 0) this.faults.splice(index, 1);
    return queued.fault;
  }
}

/** What each face fault of a checked selfie changes in the liveness and match results. */
const FACE_RESULTS: Partial<Record<EmulatorFault, { liveness?: Record<string, string>; match?: { similarity: string } }>> = {
  'not-live': { liveness: { is_live: 'false', spoof_prob: '0.97' } },
  'needs-review': { liveness: { need_to_review: 'true', spoof_prob: '0.48' } },
  deepfake: { liveness: { is_deepfake: 'true', deepfake_prob: '0.93' } },
  'low-similarity': { match: { similarity: '72.40' } },
};

function faceBody(
  code: string,
  text: string,
  lang: ApiLang,
  match: { isMatch: string; similarity: string },
  complete: boolean,
  matchMessage = message('matchOk', lang),
  liveness: Record<string, string> = {},
): Record<string, unknown> {
  return {
    code,
    message: text,
    liveness: {
      code: '200',
      message: message('livenessOk', lang),
      is_live: 'true',
      spoof_prob: 'N/A',
      need_to_review: 'N/A',
      is_deepfake: 'N/A',
      deepfake_prob: 'N/A',
      warning: 'N/A',
      ...liveness,
    },
    face_match: { code, message: matchMessage, ...match, warning: 'N/A' },
    is_complete_session: complete,
  };
}

function apiError(endpoint: 'ocr' | 'face', code: string, id: MessageId, lang: ApiLang): EmulatorOutcome {
  const text = message(id, lang);
  return respond(200, endpoint === 'ocr' ? { errorCode: code, errorMessage: text } : { code, message: text });
}

function badRequest(endpoint: EmulatorEndpoint, text: string): EmulatorOutcome {
  return respond(400, endpoint === 'ocr' ? { errorCode: '400', errorMessage: text } : { code: '400', message: text });
}

/** The path below the API's base path (`/api/ocr` under `/api` is `/ocr`); a path outside it stays whole. */
function pathBelow(pathname: string, basePath: string): string {
  const base = basePath.replace(/\/+$/, '');
  return base !== '' && pathname.startsWith(`${base}/`) ? pathname.slice(base.length) : pathname;
}

/**
 * Reads a multipart body's parts into the record, and its files into `images`; `null` when the body is
 * not multipart.
 */
async function readParts(request: Request, record: RecordedRequest, images: Blob[]): Promise<{ field: string; file: boolean }[] | null> {
  if (!(record.headers['content-type'] ?? '').startsWith('multipart/form-data')) return null;
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return null;
  }
  const parts: { field: string; file: boolean }[] = [];
  for (const [field, value] of form) {
    if (typeof value === 'string') {
      record.textFields.push(field);
    } else {
      record.files.push({ field, name: value.name, type: value.type, size: value.size });
      images.push(value);
    }
    parts.push({ field, file: typeof value !== 'string' });
  }
  return parts;
}

/** The index of the first file that is not a JPEG or PNG by its bytes (whatever its declared type), or `null`. */
async function firstNonImage(images: readonly Blob[]): Promise<number | null> {
  for (const [index, image] of images.entries()) {
    if (imageTypeOf(new Uint8Array(await image.arrayBuffer())) === null) return index;
  }
  return null;
}

/** The refusal of a request that breaks the contract: a status and code the real API never gives, so nothing mistakes it. */
function contractViolation(endpoint: EmulatorEndpoint, violations: readonly ContractViolation[]): EmulatorOutcome {
  const text = `Contract violation: ${violations.map((violation) => violation.detail).join(' ')}`;
  return respond(
    CONTRACT_VIOLATION_STATUS,
    endpoint === 'ocr'
      ? { errorCode: 'contract-violation', errorMessage: text, violations }
      : { code: 'contract-violation', message: text, violations },
  );
}

function transportFault(fault: EmulatorFault, endpoint: EmulatorEndpoint): EmulatorOutcome | null {
  switch (fault) {
    case 'network':
      return { kind: 'network-error' };
    case 'timeout':
      return { kind: 'hang' };
    case 'http-500':
      return respond(500, { code: '500', message: 'Internal Server Error' });
    case 'http-502':
      return raw(502, '<html><body><h1>502 Bad Gateway</h1></body></html>', 'text/html');
    case 'http-503':
      return raw(503, '<html><body><h1>503 Service Unavailable</h1></body></html>', 'text/html');
    case 'html':
      return raw(200, '<!doctype html><html><body>Please sign in to the Wi-Fi</body></html>', 'text/html');
    case 'malformed-json':
      return respond(200, endpoint === 'ocr' ? { errorCode: '0', data: 'unavailable' } : { result: 'ok' });
    case 'truncated-json':
      return raw(200, '{"errorCode":"0","errorMessage":"","data":[{"key":"ID","na', 'application/json');
    default:
      return null;
  }
}
