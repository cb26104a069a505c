export { initSession, readDocument, checkFace, EkycFaceError, DEVICE_TYPE } from './client.js';
export { EkycApiError, isEkycApiError, type ApiErrorCode } from './errors.js';
export * from './types.js';
