import type { DocumentSide, DocumentType, FaceResult, OcrResult } from '../api/types.js';
import type { CaptureSide, CaptureStep, EkycCaptureDetail, EkycCompleteDetail, EkycErrorCode } from '../events.js';
import type { CccdCrossCheck, CccdQrReading } from '../qr/types.js';

export type { DocumentSide };

export type FlowKind = 'full' | 'ocr-only';

export type LivenessChallenge = 'none' | 'turn-head';

/** A photo the user took or chose: what `ekyc-capture` carries. */
export type Capture = EkycCaptureDetail;

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

/** Why the user is (back) on a capture step: the API refused the photo, or the device could not take or read it. */
export interface FlowNotice {
  code: EkycErrorCode;
  serverMessage: string | null;
  from: 'api' | 'device';
}

/**
 * What the error screen offers: run the failed call again (`work`), wait for a new session from the host
 * (`session`), start over from the first photo (`restart`), or only cancel (`none`: the page must be fixed).
 */
export type ErrorWayOut = 'work' | 'session' | 'restart' | 'none';

export interface FlowError extends WorkFailure {
  recoverable: boolean;
  retry: ErrorWayOut;
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

/** What every screen carries. */
interface Screen {
  config: FlowConfig;
  /** The last capture step shown, for the progress list of the screens after it. */
  lastCaptureStep: CaptureStep | null;
  /** A new screen is up: its heading takes focus after the next render. */
  focus: boolean;
}

/** Where a run stands between the intro and the result. */
export interface FlowProgress extends Screen {
  sessionId: string | null;
  /** Confirmed captures, kept until the API has accepted them all. */
  captures: Partial<Record<CaptureSide, Capture>>;
  /** Which captures the API accepted in the current session. */
  accepted: Record<CaptureSide, boolean>;
  ocr: DocumentReading;
  face: FaceResult | null;
  /** A silent session re-creation was already spent on this call. */
  reinitUsed: boolean;
  /** Why the user has to take a photo again; shown on its capture step until a photo is confirmed. */
  notice: FlowNotice | null;
}

export interface IntroState extends FlowProgress {
  step: 'intro';
}

export interface CaptureState extends FlowProgress {
  step: CaptureStep;
  /** The photo on screen for retake / confirm. */
  review: Capture | null;
  /** The front under review shows no portrait. */
  reviewWarning: boolean;
  /** A photo is being taken, encoded or decoded. */
  capturing: boolean;
}

export interface ProcessingState extends FlowProgress {
  step: 'processing';
  /** The call under way. */
  work: Work;
}

export interface ErrorState extends FlowProgress {
  step: 'error';
  error: FlowError;
  /** For `bad-config`: what to set, for the developer. */
  configMessage: string | null;
}

/** The check is over: what `ekyc-complete` carried, and no photo. */
export interface DoneState extends Screen {
  step: 'done';
  result: EkycCompleteDetail;
}

/** The flow, one shape a step: what a screen cannot show, it cannot hold. */
export type FlowState = IntroState | CaptureState | ProcessingState | ErrorState | DoneState;
