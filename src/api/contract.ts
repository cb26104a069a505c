/**
 * FPT.AI eKYC's request contract, as its API document gives it (DESIGN §1): for each route, every
 * header and form field a request may carry. Anything else is ours and goes only to our own server;
 * FPT.AI's CORS allows nothing more, so a browser would not even send it.
 */
import { DOCUMENT_TYPES } from './types.js';

export type ApiRoute = '/session/init' | '/ocr' | '/face/liveness';

export const API_ROUTES: readonly ApiRoute[] = ['/session/init', '/ocr', '/face/liveness'];

export interface RouteContract {
  /** Each header the document lists, with the values it takes (`null`: any non-empty value). */
  headers: Readonly<Record<string, readonly string[] | null>>;
  /** Headers without which the request is refused. */
  required: readonly string[];
  /** The multipart field the images go in, or `null` for a route without a body. */
  field: 'files' | 'selfies' | null;
}

const DEVICE_TYPES = ['web-sdk', 'android', 'ios'];
const LANGS = ['en', 'vi'];

export const API_CONTRACT: Readonly<Record<ApiRoute, RouteContract>> = {
  '/session/init': {
    headers: { 'api-key': null, 'device-type': DEVICE_TYPES, client_uuid: null, 'only-engine': ['1'] },
    required: ['api-key', 'device-type'],
    field: null,
  },
  // The document marks `api-key` required; a session made by the integrator's server is used without it
  // (FPT.AI's integration pattern that keeps the key off the page), so it is checked only when sent.
  '/ocr': {
    headers: {
      'api-key': null,
      'session-id': null,
      'device-type': DEVICE_TYPES,
      'document-type': DOCUMENT_TYPES,
      'side-type': ['front', 'back'],
      lang: LANGS,
    },
    required: ['session-id', 'device-type', 'document-type'],
    field: 'files',
  },
  '/face/liveness': {
    headers: { 'api-key': null, 'session-id': null, 'device-type': DEVICE_TYPES, auto: ['True', 'False'], lang: LANGS },
    required: ['session-id', 'device-type', 'auto'],
    field: 'selfies',
  },
};

/** Every header name the document lists, on any route: what FPT.AI's CORS preflight allows, with `content-type`. */
export const DOCUMENTED_HEADERS: readonly string[] = [
  ...new Set([...API_ROUTES.flatMap((route) => Object.keys(API_CONTRACT[route].headers)), 'content-type']),
];

/**
 * Headers the browser or the HTTP stack writes, never the page's script (forbidden request headers,
 * CORS-safelisted ones, caching and fetch metadata): not part of any contract.
 */
const TRANSPORT_HEADERS = new Set([
  'accept',
  'accept-charset',
  'accept-encoding',
  'accept-language',
  'access-control-request-headers',
  'access-control-request-method',
  'cache-control',
  'connection',
  'content-language',
  'content-length',
  'content-type',
  'cookie',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'pragma',
  'priority',
  'referer',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'via',
]);

export const isTransportHeader = (name: string): boolean => {
  const lower = name.toLowerCase();
  return TRANSPORT_HEADERS.has(lower) || lower.startsWith('sec-') || lower.startsWith('proxy-');
};

/** The headers a request's sender chose: every one but the transport's, names lower-cased. */
export function senderHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers)
      .map(([name, value]) => [name.toLowerCase(), value] as const)
      .filter(([name]) => !isTransportHeader(name)),
  );
}

/** The route a path names exactly, or `null`. */
export const routeOf = (path: string): ApiRoute | null => API_ROUTES.find((route) => route === path) ?? null;

/** How many images `/ocr` takes: one for a passport or a single side, else the front then the back. */
export const ocrFileCount = (headers: Readonly<Record<string, string>>): number =>
  headers['side-type'] !== undefined || headers['document-type'] === 'passport' ? 1 : 2;

export interface ContractViolation {
  route: string;
  /** `route`: no such path; `header`: a header the document does not list; `value`: a listed header with a value it does not allow; `missing`: a required header absent; `field`: a form field or file count outside the contract; `method`: not `POST`; `preflight`: a CORS preflight asking for an undocumented header. */
  kind: 'route' | 'method' | 'header' | 'value' | 'missing' | 'field' | 'preflight';
  name: string;
  detail: string;
}

/** A request as the contract sees it: the part names in order, `file` for a file part. */
export interface ContractRequest {
  method: string;
  path: string;
  headers: Readonly<Record<string, string>>;
  /** Multipart parts in order; `null` when the body is not multipart (or there is none). */
  parts: readonly { field: string; file: boolean }[] | null;
}

/** Everything in `request` that FPT.AI's document does not allow; empty when it keeps to the contract. */
export function contractViolations(request: ContractRequest): ContractViolation[] {
  const route = routeOf(request.path);
  if (!route) return [{ route: request.path, kind: 'route', name: request.path, detail: `No such route: ${request.path}.` }];
  const violation = (kind: ContractViolation['kind'], name: string, detail: string): ContractViolation => ({
    route,
    kind,
    name,
    detail,
  });
  const contract = API_CONTRACT[route];
  const found: ContractViolation[] = [];
  if (request.method !== 'POST') found.push(violation('method', request.method, `${route} takes POST only.`));
  const headers = senderHeaders(request.headers);
  for (const [name, value] of Object.entries(headers)) {
    const allowed = contract.headers[name];
    if (allowed === undefined) found.push(violation('header', name, `Header ${name} is not in the API's contract for ${route}.`));
    else if (allowed === null ? value === '' : !allowed.includes(value)) {
      found.push(violation('value', name, `Header ${name} must be ${allowed?.join(' or ') ?? 'non-empty'} (got "${value}").`));
    }
  }
  for (const name of contract.required) {
    if (!(name in headers)) found.push(violation('missing', name, `Header ${name} is required on ${route}.`));
  }
  found.push(...fieldViolations(route, contract, headers, request.parts).map(([name, detail]) => violation('field', name, detail)));
  return found;
}

function fieldViolations(
  route: ApiRoute,
  contract: RouteContract,
  headers: Readonly<Record<string, string>>,
  parts: ContractRequest['parts'],
): [string, string][] {
  const { field } = contract;
  if (field === null) return parts && parts.length > 0 ? [['body', `${route} takes no body.`]] : [];
  if (parts === null) return [['body', `${route} takes multipart/form-data.`]];
  const found: [string, string][] = parts
    .filter((part) => part.field !== field || !part.file)
    .map((part) => [part.field, `Form field ${part.field} is not in the API's contract for ${route}: images go in ${field}.`]);
  const files = parts.filter((part) => part.field === field && part.file).length;
  if (route === '/ocr') {
    const expected = ocrFileCount(headers);
    if (files !== expected) found.push([field, `${route} takes ${expected} file(s) in ${field} here, got ${files}.`]);
  } else if (files === 0) {
    found.push([field, `${route} takes at least one file in ${field}.`]);
  }
  return found;
}
