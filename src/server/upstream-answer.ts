import { apiString } from '../api/values.js';
import type { UploadRoute } from './rules.js';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isField = (value: unknown): boolean => isObject(value) && typeof value['key'] === 'string';

/** An OCR answer: `errorCode`, and with `"0"` a `data` list of fields. */
function ocrAnswer(json: Record<string, unknown>): boolean {
  const code = apiString(json['errorCode']);
  if (code === null) return false;
  return code !== '0' || (Array.isArray(json['data']) && json['data'].every(isField));
}

/** A face answer: `code`, and with `"200"` its liveness and match results. */
function faceAnswer(json: Record<string, unknown>): boolean {
  const code = apiString(json['code']);
  if (code === null) return false;
  return code !== '200' || (isObject(json['liveness']) && isObject(json['face_match']));
}

/**
 * The API's own answer, which may spend an attempt and decide a verdict: a status FPT.AI answers
 * itself (not a 5xx, a time-out or a rate limit) with JSON of the endpoint's shape. Anything else
 * is an outage.
 */
export function isOwnAnswer(route: UploadRoute | 'init', status: number, json: Record<string, unknown> | null): json is Record<string, unknown> {
  if (json === null || status >= 500 || status === 408 || status === 429) return false;
  if (route === 'init') return true;
  return route === 'ocr' ? ocrAnswer(json) : faceAnswer(json);
}
