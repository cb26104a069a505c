import type { DocumentSide, FaceResult, OcrField, RawFaceResponse, RawOcrResponse } from './api/types.js';
import type { IntegrityReport } from './integrity/types.js';
import type { CccdCrossCheck, CccdQrReading } from './qr/types.js';

export type { IntegrityReport, IntegritySignal, IntegritySignalName, IntegrityValue } from './integrity/types.js';

/** The screens where the user takes a photo. */
export type CaptureStep = 'document-front' | 'document-back' | 'selfie';

/** The screens of the flow, in the order a user meets them. */
export type Step = 'intro' | CaptureStep | 'processing' | 'done' | 'error';

export type CaptureSide = DocumentSide | 'selfie';

/** Measured values that led to a capture (quality metrics, face score…). */
export type CaptureQuality = Readonly<Record<string, number | string | boolean>>;

/**
 * Every code `ekyc-error` can carry.
 *
 * Configuration: `bad-config`. Camera: `camera-denied`, `camera-unavailable`,
 * `camera-busy`, `camera-lost`. Connection: `network`, `timeout`, `server`
 * (HTTP 5xx or another unexpected status), `bad-response` (not the API's JSON).
 * API answers: `session-expired`, `document-not-found`, `document-rejected`
 * (another OCR refusal: invalid or expired document…), `side-mismatch` (the integrator's
 * server found another side or document than the step's in the photo), `face-mismatch`,
 * `multiple-faces`, `face-rejected` (another face refusal). On the device:
 * `no-face`, `not-a-front`, `detector-unavailable` (the face detector could not
 * load, or stopped twice: the selfie is taken by hand), `analysis-unavailable`
 * (frames could not be measured several times in a row: the photo is taken by
 * hand), `capture-failed` (the photo could not be taken or encoded: take it again),
 * `upload-unreadable`.
 */
export type EkycErrorCode =
  | 'bad-config'
  | 'camera-denied'
  | 'camera-unavailable'
  | 'camera-busy'
  | 'camera-lost'
  | 'network'
  | 'timeout'
  | 'server'
  | 'bad-response'
  | 'session-expired'
  | 'document-not-found'
  | 'document-rejected'
  | 'side-mismatch'
  | 'face-mismatch'
  | 'multiple-faces'
  | 'face-rejected'
  | 'no-face'
  | 'not-a-front'
  | 'detector-unavailable'
  | 'analysis-unavailable'
  | 'capture-failed'
  | 'upload-unreadable'
  | 'handoff-used'
  | 'handoff-expired';

export interface EkycStartDetail {
  sessionId: string;
}

export interface EkycStepDetail {
  step: Step;
  previousStep: Step;
}

export interface EkycCaptureDetail {
  side: CaptureSide;
  image: Blob;
  width: number;
  height: number;
  auto: boolean;
  quality: CaptureQuality | null;
  source: 'camera' | 'upload';
  /** Capture-integrity signals measured for this photo (an upload: the page's only). A hint, never proof: decide on the server. */
  integrity: IntegrityReport;
}

export interface EkycOcrDetail {
  side: DocumentSide;
  response: RawOcrResponse;
  fields: Record<string, OcrField>;
  /** ID cards (`idr`): the QR code read on the device from this side's photo; `null` when none was found. */
  qr: CccdQrReading | null;
}

export interface EkycFaceDetail {
  response: RawFaceResponse;
  isLive: boolean | null;
  isMatch: boolean | null;
  similarity: number | null;
  completeSession: boolean;
}

/** The document as read: fields of every side merged by key, and each side's raw answer. */
export interface EkycOcrOutcome {
  fields: Record<string, OcrField>;
  front: RawOcrResponse;
  back: RawOcrResponse | null;
  /** ID cards (`idr`): the card's QR code (the first side's where it was found), or `null`. */
  qr: CccdQrReading | null;
  /** The code's ID number, name, date of birth, sex and issue date against the OCR's; `null` without a code. */
  crossCheck: CccdCrossCheck | null;
}

export interface EkycCompleteDetail {
  sessionId: string;
  ocr: EkycOcrOutcome;
  face: FaceResult | null;
  /** `true` on the computer when the check ran on a phone (`handoff-url`): no photo ever reached this device. */
  handoff?: true;
  /** Every capture's integrity signals (each with its `side`), and whether any flags. */
  integrity: IntegrityReport;
}

export interface EkycErrorDetail {
  code: EkycErrorCode;
  /** For people: the server's own message when it gave one, otherwise the element's text in `lang`. */
  message: string;
  step: Step;
  /** The flow can go on (retry, retake, a new session) without starting over. */
  recoverable: boolean;
  /** The API's `errorCode` / `code`, verbatim, for API refusals. */
  apiCode?: string;
  /** The HTTP status, when there was one. */
  status?: number;
}

export interface EkycCancelDetail {
  step: Step;
}

/** Every event the element fires, by name. All bubble and cross shadow roots. */
export interface EkycEventMap {
  'ekyc-start': EkycStartDetail;
  'ekyc-step': EkycStepDetail;
  'ekyc-capture': EkycCaptureDetail;
  'ekyc-ocr': EkycOcrDetail;
  'ekyc-face': EkycFaceDetail;
  'ekyc-complete': EkycCompleteDetail;
  'ekyc-error': EkycErrorDetail;
  'ekyc-cancel': EkycCancelDetail;
}

export type EkycEventName = keyof EkycEventMap;

/** One event ready to fire: its name and its detail, typed together. */
export type EkycEmission = { [K in EkycEventName]: { name: K; detail: EkycEventMap[K] } }[EkycEventName];

export function createEkycEvent<K extends EkycEventName>(name: K, detail: EkycEventMap[K]): CustomEvent<EkycEventMap[K]> {
  return new CustomEvent(name, { detail, bubbles: true, composed: true });
}

declare global {
  interface HTMLElementEventMap {
    'ekyc-start': CustomEvent<EkycStartDetail>;
    'ekyc-step': CustomEvent<EkycStepDetail>;
    'ekyc-capture': CustomEvent<EkycCaptureDetail>;
    'ekyc-ocr': CustomEvent<EkycOcrDetail>;
    'ekyc-face': CustomEvent<EkycFaceDetail>;
    'ekyc-complete': CustomEvent<EkycCompleteDetail>;
    'ekyc-error': CustomEvent<EkycErrorDetail>;
    'ekyc-cancel': CustomEvent<EkycCancelDetail>;
  }
}
