import type { IncomingHttpHeaders } from 'node:http';
import { HttpError } from './errors.js';

/** The proxy's three routes, by the path the browser calls. */
export const ROUTES = {
  '/session': { name: 'session', upstream: '/session/init' },
  '/ocr': { name: 'ocr', upstream: '/ocr' },
  '/face/liveness': { name: 'face', upstream: '/face/liveness' },
} as const;

export type RoutePath = keyof typeof ROUTES;
export type RouteName = (typeof ROUTES)[RoutePath]['name'];
export type UploadRoute = Exclude<RouteName, 'session'>;

export const routeOf = (pathname: string): RoutePath | undefined =>
  Object.hasOwn(ROUTES, pathname) ? (pathname as RoutePath) : undefined;

/** Headers a page may send (and the preflight allows); `api-key` is not one of them. */
export const BROWSER_HEADERS = [
  'session-id',
  'device-type',
  'document-type',
  'side-type',
  'lang',
  'auto',
  'client_uuid',
  'only-engine',
  'content-type',
] as const;

const SESSION_ID = /^[A-Za-z0-9-]{1,128}$/;
const CLIENT_UUID = /^[A-Za-z0-9._:-]{1,128}$/;

const RULES: Record<string, (value: string) => boolean> = {
  'session-id': (value) => SESSION_ID.test(value),
  'device-type': (value) => value === 'web-sdk',
  'document-type': (value) => ['idr', 'passport', 'dlr'].includes(value),
  'side-type': (value) => value === 'front' || value === 'back',
  lang: (value) => value === 'vi' || value === 'en',
  auto: (value) => value === 'True' || value === 'False',
  client_uuid: (value) => CLIENT_UUID.test(value),
  'only-engine': (value) => value === '0' || value === '1',
};

/** Which API headers each upload route forwards; the rest are dropped. */
const FORWARDED: Record<UploadRoute, { required: readonly string[]; optional: readonly string[] }> = {
  ocr: { required: ['session-id', 'document-type'], optional: ['side-type', 'lang'] },
  face: { required: ['session-id', 'auto'], optional: ['lang'] },
};

/** Returns `value` when the API accepts it for header `name`; throws 400 otherwise. */
export function checkValue(name: string, value: string): string {
  const rule = RULES[name];
  if (rule && !rule(value)) throw new HttpError(400, `Header ${name} has a value the API does not accept.`);
  return value;
}

/** One header's value, checked; `undefined` when absent. */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const raw = headers[name];
  if (raw === undefined) return undefined;
  return checkValue(name, Array.isArray(raw) ? raw.join(', ') : raw);
}

/** The API headers to forward for an upload, checked; `api-key` and anything unlisted are left out. */
export function uploadHeaders(route: UploadRoute, headers: IncomingHttpHeaders): Record<string, string> {
  headerValue(headers, 'device-type');
  const { required, optional } = FORWARDED[route];
  const forwarded: Record<string, string> = {};
  for (const name of [...required, ...optional]) {
    const value = headerValue(headers, name);
    if (value !== undefined) forwarded[name] = value;
    else if (required.includes(name)) throw new HttpError(400, `Header ${name} is required.`);
  }
  return forwarded;
}

/** Refuses anything but a `multipart/form-data` body with a boundary, and a declared size past the limit. */
export function checkUploadBody(headers: IncomingHttpHeaders, maxBytes: number): void {
  const type = headers['content-type'] ?? '';
  const [media = ''] = type.split(';');
  if (media.trim().toLowerCase() !== 'multipart/form-data') {
    throw new HttpError(415, 'The body must be multipart/form-data.');
  }
  if (!/;\s*boundary=/i.test(type)) throw new HttpError(400, 'The multipart body has no boundary.');
  const declared = Number(headers['content-length'] ?? 0);
  if (declared > maxBytes) throw new HttpError(413, `The body is larger than ${maxBytes} bytes.`);
}
