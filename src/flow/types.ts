import type { DocumentType, FaceResult, OcrResult } from '../api/types.js';
import type { CccdCrossCheck, CccdQrReading } from '../qr/types.js';

/** The screens of the flow, in the order a user meets them. */
export type Step = 'intro' | 'document-front' | 'document-back' | 'selfie' | 'processing' | 'done' | 'error';

export type CaptureSide = 'front' | 'back' | 'selfie';
export type DocumentSide = 'front' | 'back';

export type FlowKind = 'full' | 'ocr-only';

/** Measured values that led to a capture (quality metrics, face score…). */
export type CaptureQuality = Readonly<Record<string, number | string | boolean>>;

export interface Capture {
  side: CaptureSide;
  image: Blob;
  width: number;
  height: number;
  /** Taken automatically by the on-device checks rather than by the user. */
  auto: boolean;
  quality: CaptureQuality | null;
  source: 'camera' | 'upload';
}

/**
 * Every code `ekyc-error` can carry.
 *
 * Configuration: `bad-config`. Camera: `camera-denied`, `camera-unavailable`,
 * `camera-busy`, `camera-lost`. Connection: `network`, `timeout`, `server`
 * (HTTP 5xx or another unexpected status), `bad-response` (not the API's JSON).
 * API answers: `session-expired`, `document-not-found`, `document-rejected`
 * (another OCR refusal: invalid or expired document…), `face-mismatch`,
 * `multiple-faces`, `face-rejected` (another face refusal). On the device:
 * `no-face`, `not-a-front`, `detector-unavailable`, `upload-unreadable`.
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
  | 'face-mismatch'
  | 'multiple-faces'
  | 'face-rejected'
  | 'no-face'
  | 'not-a-front'
  | 'detector-unavailable'
  | 'upload-unreadable';

/** The API calls the flow makes, one at a time. */
export type Work = 'init' | 'ocr-front' | 'ocr-back' | 'face';

export interface FlowConfig {
  documentType: DocumentType;
  flow: FlowKind;
  /** An `api-key` is set: the flow may create (and re-create) sessions itself. */
  canInitSession: boolean;
}

/** A failure as the flow sees it, already classified. */
export interface WorkFailure {
  code: EkycErrorCode;
  /** The server's message for the end user, in `lang`, when there is one. */
  serverMessage: string | null;
  apiCode: string | null;
  status: number | null;
  /** From a face refusal: the session is used up. */
  completeSession: boolean;
}

/** Why the user is back on a capture step. */
export interface FlowNotice {
  code: EkycErrorCode;
  serverMessage: string | null;
}

export interface FlowError extends WorkFailure {
  recoverable: boolean;
  /** What the retry button does: run the failed call again, wait for a new session from the host, or start over. */
  retry: 'work' | 'session' | 'restart';
}

/** One side as read: the OCR's answer and, for an ID card, its QR code and the card's cross-check so far. */
export interface SideReading extends OcrResult {
  qr?: CccdQrReading | null;
  crossCheck?: CccdCrossCheck | null;
}

export interface DocumentReading {
  front: SideReading | null;
  back: SideReading | null;
}

export interface FlowState {
  step: Step;
  config: FlowConfig;
  sessionId: string | null;
  /** The capture on screen for retake / confirm. */
  review: Capture | null;
  /** Confirmed captures, kept until the API has accepted them in the current session. */
  captures: Partial<Record<CaptureSide, Capture>>;
  /** Which captures the API accepted in the current session. */
  accepted: Record<CaptureSide, boolean>;
  ocr: DocumentReading;
  face: FaceResult | null;
  /** The call under way (step `processing`) or the one that failed (step `error`). */
  work: Work | null;
  /** A silent session re-creation was already spent on this call. */
  reinitUsed: boolean;
  notice: FlowNotice | null;
  error: FlowError | null;
}
