import type * as client from './client.js';

export { EkycApiError, EkycFaceError, isEkycApiError, type ApiErrorCode } from './errors.js';
export * from './types.js';

// The calls load the client with their first use: the element's first load carries none of it.
const loadClient = () => import('./client.js');

/** `POST /session/init`: a new session (development only: needs the key in the browser). */
export const initSession: typeof client.initSession = async (...args) => (await loadClient()).initSession(...args);
/** `POST /ocr`: reads one side, or both, of a document. */
export const readDocument: typeof client.readDocument = async (...args) => (await loadClient()).readDocument(...args);
/** `POST /face/liveness`: compares the selfie with the document's portrait. */
export const checkFace: typeof client.checkFace = async (...args) => (await loadClient()).checkFace(...args);
