import { audienceOf } from './audience.js';
import { EkycApiError, EkycFaceError } from './errors.js';
import { isRecord, postJson, type JsonAnswer } from './request.js';
import type {
  ApiConfig,
  FaceOptions,
  FaceResult,
  InitSessionOptions,
  InitSessionResult,
  OcrField,
  OcrOptions,
  OcrResult,
  RawFaceResponse,
  RawInitResponse,
  RawOcrField,
  RawOcrResponse,
  UploadOptions,
} from './types.js';
import { DEVICE_TYPE } from './types.js';
import { apiBoolean, apiNumber, apiString } from './values.js';

const SESSION_EXPIRED_CODE = '403';

function baseHeaders(config: ApiConfig): Record<string, string> {
  const headers: Record<string, string> = { 'device-type': DEVICE_TYPE };
  if (config.apiKey) headers['api-key'] = config.apiKey;
  return headers;
}

/** Headers of our own: only for the integrator's server, never for FPT.AI, whose CORS would refuse the request. */
const serverHeaders = (config: ApiConfig, { idempotencyKey }: UploadOptions): Record<string, string> =>
  audienceOf(config) === 'server' && idempotencyKey ? { 'idempotency-key': idempotencyKey } : {};

/** Our own form field, likewise: only for the integrator's server. */
function addServerFields(config: ApiConfig, { integrity }: UploadOptions, form: FormData): void {
  if (integrity && audienceOf(config) === 'server') form.append('integrity', integrity);
}

function sessionExpired(status: number, body: unknown, message?: string): EkycApiError {
  return new EkycApiError('session-expired', message || 'The session has expired or is not valid.', {
    status,
    apiCode: SESSION_EXPIRED_CODE,
    body,
  });
}

/** Statuses other than 200 (403 means the session). */
function rejectStatus({ status, body }: JsonAnswer): void {
  if (status === 200) return;
  if (status === 403) {
    throw sessionExpired(status, body, isRecord(body) ? messageOf(body) : undefined);
  }
  if (status === 422 && isRecord(body) && body['error'] === 'side-mismatch') {
    throw new EkycApiError('side-mismatch', messageOf(body) ?? 'The picture shows another side.', { status, body, apiCode: '422' });
  }
  throw new EkycApiError('http', `The API answered HTTP ${status}.`, {
    status,
    body,
    apiCode: isRecord(body) ? codeOf(body) : undefined,
  });
}

const codeOf = (body: Record<string, unknown>): string | undefined =>
  apiString(body['errorCode'] ?? body['code']) ?? undefined;

const messageOf = (body: Record<string, unknown>): string | undefined =>
  apiString(body['errorMessage'] ?? body['message']) ?? undefined;

const malformed = (status: number, body: unknown, what: string): EkycApiError =>
  new EkycApiError('bad-response', `The API answered with a malformed ${what}.`, { status, body });

/** `POST /session/init`: needs the key. */
export async function initSession(
  config: ApiConfig,
  options: InitSessionOptions = {},
): Promise<InitSessionResult> {
  const headers = baseHeaders(config);
  if (options.clientUuid) headers['client_uuid'] = options.clientUuid;
  if (options.onlyEngine) headers['only-engine'] = '1';
  const answer = await postJson(config, { path: '/session/init', headers, signal: options.signal });
  rejectStatus(answer);
  const { status, body } = answer;
  if (!isRecord(body)) throw malformed(status, body, 'session');
  if (codeOf(body) === SESSION_EXPIRED_CODE) throw sessionExpired(status, body, messageOf(body));
  const sessionId = body['session-id'];
  if (typeof sessionId !== 'string' || sessionId === '') throw malformed(status, body, 'session');
  return { sessionId, response: body as unknown as RawInitResponse };
}

/** `POST /ocr`: one side with `side-type`, or every side in one request. */
export async function readDocument(config: ApiConfig, options: OcrOptions): Promise<OcrResult> {
  const { files, side, documentType } = options;
  const oneFile = side !== undefined || documentType === 'passport';
  if (files.length === 0 || (oneFile && files.length !== 1) || files.length > 2) {
    throw new RangeError(
      oneFile ? 'Send exactly one file for a passport or a single side.' : 'Send the front, then the back.',
    );
  }
  const headers = {
    ...baseHeaders(config),
    'session-id': options.sessionId,
    'document-type': documentType,
  } as Record<string, string>;
  if (side) headers['side-type'] = side;
  if (options.lang) headers['lang'] = options.lang;
  Object.assign(headers, serverHeaders(config, options));
  const form = new FormData();
  const names = side ? [side] : ['front', 'back'];
  files.forEach((file, index) => form.append('files', file, `${names[index] ?? 'page'}.jpg`));
  addServerFields(config, options, form);

  const answer = await postJson(config, { path: '/ocr', headers, body: form, signal: options.signal });
  rejectStatus(answer);
  const { status, body } = answer;
  if (!isRecord(body) || apiString(body['errorCode']) === null) throw malformed(status, body, 'OCR result');
  const errorCode = String(body['errorCode']);
  const message = messageOf(body) ?? '';
  if (errorCode === SESSION_EXPIRED_CODE) throw sessionExpired(status, body, message);
  if (errorCode !== '0') {
    const code = errorCode === '3' ? 'document-not-found' : 'api';
    throw new EkycApiError(code, message || `The API answered errorCode ${errorCode}.`, {
      status,
      apiCode: errorCode,
      body,
    });
  }
  const data = body['data'];
  if (!Array.isArray(data) || !data.every(isOcrField)) throw malformed(status, body, 'OCR result');
  const fields: Record<string, OcrField> = {};
  for (const field of data) {
    fields[field.key] = {
      key: field.key,
      name: field.name,
      value: apiString(field.value),
      score: apiNumber(field.score),
      locale: field.locale,
    };
  }
  return { response: body as unknown as RawOcrResponse, fields };
}

function isOcrField(value: unknown): value is RawOcrField {
  return (
    isRecord(value) &&
    typeof value['key'] === 'string' &&
    typeof value['value'] === 'string' &&
    ['name', 'score', 'locale'].every((key) => value[key] === undefined || typeof value[key] === 'string')
  );
}

/** `POST /face/liveness`: the selfie against the session's document. */
export async function checkFace(config: ApiConfig, options: FaceOptions): Promise<FaceResult> {
  if (options.selfies.length === 0) throw new RangeError('Send at least one selfie.');
  const headers = {
    ...baseHeaders(config),
    'session-id': options.sessionId,
    auto: options.auto ? 'True' : 'False',
  } as Record<string, string>;
  if (options.lang) headers['lang'] = options.lang;
  Object.assign(headers, serverHeaders(config, options));
  const form = new FormData();
  options.selfies.forEach((selfie, index) => form.append('selfies', selfie, `selfie-${index + 1}.jpg`));
  addServerFields(config, options, form);

  const answer = await postJson(config, {
    path: '/face/liveness',
    headers,
    body: form,
    signal: options.signal,
  });
  rejectStatus(answer);
  const { status, body } = answer;
  if (!isRecord(body) || apiString(body['code']) === null) throw malformed(status, body, 'face result');
  const raw = body as unknown as RawFaceResponse;
  const code = String(body['code']);
  const message = messageOf(body) ?? '';
  if (code === SESSION_EXPIRED_CODE) throw sessionExpired(status, body, message);
  const liveness = isRecord(body['liveness']) ? body['liveness'] : {};
  const match = isRecord(body['face_match']) ? body['face_match'] : {};
  const result: FaceResult = {
    response: raw,
    code,
    message,
    isLive: apiBoolean(liveness['is_live']),
    spoofProb: apiNumber(liveness['spoof_prob']),
    needToReview: apiBoolean(liveness['need_to_review']),
    isDeepfake: apiBoolean(liveness['is_deepfake']),
    deepfakeProb: apiNumber(liveness['deepfake_prob']),
    isMatch: apiBoolean(match['isMatch']),
    similarity: apiNumber(match['similarity']),
    completeSession: apiBoolean(body['is_complete_session']) ?? false,
  };
  if (code !== '200') {
    const kind = code === '303' ? 'face-mismatch' : code === '407' ? 'multiple-faces' : 'api';
    throw new EkycFaceError(kind, message || `The API answered code ${code}.`, result, status);
  }
  return result;
}

export { EkycFaceError };
