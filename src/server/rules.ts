import { DOCUMENT_TYPES } from '../api/types.js';
import { HttpError } from './errors.js';
import type { UploadShape } from './inspect.js';

export type UploadRoute = 'ocr' | 'face';

const CLIENT_UUID = /^[A-Za-z0-9._:-]{1,128}$/;

const VALUES: Record<string, (value: string) => boolean> = {
  'device-type': (value) => value === 'web-sdk',
  'document-type': (value) => (DOCUMENT_TYPES as readonly string[]).includes(value),
  'side-type': (value) => value === 'front' || value === 'back',
  lang: (value) => value === 'vi' || value === 'en',
  auto: (value) => value === 'True' || value === 'False',
  client_uuid: (value) => CLIENT_UUID.test(value),
  'only-engine': (value) => value === '0' || value === '1',
};

/** Each upload route: FPT.AI's path, the API headers it forwards, and the images it takes. */
export const UPLOADS: Record<
  UploadRoute,
  { path: string; required: readonly string[]; optional: readonly string[]; shape: UploadShape }
> = {
  ocr: {
    path: '/ocr',
    required: ['document-type'],
    optional: ['side-type', 'lang'],
    shape: { field: 'files', min: 1, max: 2 },
  },
  face: { path: '/face/liveness', required: ['auto'], optional: ['lang'], shape: { field: 'selfies', min: 1, max: 3 } },
};

/** `value` when FPT.AI accepts it for header `name`; 400 otherwise. */
export function checkValue(name: string, value: string): string {
  const rule = VALUES[name];
  if (rule && !rule(value)) throw new HttpError(400, 'bad-header', `Header ${name} has a value the API does not accept.`);
  return value;
}

export function headerValue(request: Request, name: string): string | undefined {
  const value = request.headers.get(name);
  return value === null ? undefined : checkValue(name, value);
}

/** The API headers to forward for an upload, checked; anything unlisted (cookies, `api-key`) stays here. */
export function uploadHeaders(route: UploadRoute, request: Request): Record<string, string> {
  headerValue(request, 'device-type');
  const { required, optional } = UPLOADS[route];
  const forwarded: Record<string, string> = {};
  for (const name of [...required, ...optional]) {
    const value = headerValue(request, name);
    if (value !== undefined) forwarded[name] = value;
    else if (required.includes(name)) throw new HttpError(400, 'missing-header', `Header ${name} is required.`);
  }
  return forwarded;
}
