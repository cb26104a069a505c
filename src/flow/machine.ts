import type { DocumentSide, DocumentType, FaceResult, OcrField } from '../api/types.js';
import type { CaptureSide, CaptureStep, EkycCompleteDetail, EkycEmission, EkycErrorCode, EkycOcrOutcome } from '../events.js';
import { hasBack, isCaptureState, sideOfStep, stepOfSide } from './steps.js';
import type {
  Capture,
  CaptureState,
  DoneState,
  ErrorState,
  FlowConfig,
  FlowError,
  FlowProgress,
  FlowState,
  IntroState,
  ProcessingState,
  SideReading,
  DocumentReading,
  Work,
  WorkFailure,
} from './types.js';

/** Problems of the device that do not change the screen, only tell the host (the camera's own are shown by the camera). */
export type DeviceErrorCode = Extract<
  EkycErrorCode,
  'camera-denied' | 'camera-unavailable' | 'camera-busy' | 'camera-lost' | 'detector-unavailable' | 'analysis-unavailable'
>;

/** What can happen to the flow. The element turns clicks, camera frames and API answers into these. */
export type FlowEvent =
  | { type: 'start'; config: FlowConfig; sessionId: string | null }
  | { type: 'config-error'; message: string }
  | { type: 'capture-started' }
  | { type: 'captured'; capture: Capture }
  | { type: 'capture-failed'; code: 'capture-failed' | 'upload-unreadable' }
  | { type: 'portrait-missing'; image: Blob }
  | { type: 'review-failed'; image: Blob }
  | { type: 'device-error'; code: DeviceErrorCode }
  | { type: 'retake' }
  | { type: 'confirm' }
  | { type: 'session-created'; sessionId: string }
  | { type: 'ocr-done'; side: DocumentSide; result: SideReading }
  | { type: 'face-done'; result: FaceResult }
  | { type: 'work-failed'; work: Work; failure: WorkFailure }
  | { type: 'retry' }
  | { type: 'session-provided'; sessionId: string }
  | { type: 'document-type-changed'; documentType: DocumentType }
  | { type: 'reset' }
  | { type: 'cancel' }
  | { type: 'focused' };

/** What the element must do after a transition, in order. */
export type FlowEffect = { type: 'emit'; emission: EkycEmission } | { type: 'run'; work: Work };

export interface Transition {
  state: FlowState;
  effects: FlowEffect[];
}

const NOTHING_ACCEPTED: Record<CaptureSide, boolean> = { front: false, back: false, selfie: false };
const DEFAULT_CONFIG: FlowConfig = { documentType: 'idr', flow: 'full', canInitSession: false };

/** A run with nothing taken or sent yet. */
function newRun(config: FlowConfig, sessionId: string | null): FlowProgress {
  return {
    config,
    sessionId,
    captures: {},
    accepted: { ...NOTHING_ACCEPTED },
    ocr: { front: null, back: null },
    face: null,
    reinitUsed: false,
    notice: null,
    lastCaptureStep: null,
    focus: false,
  };
}

export function initialState(config: FlowConfig = DEFAULT_CONFIG): IntroState {
  return { step: 'intro', ...newRun(config, null) };
}

/** The run's progress without what only one screen shows. */
function progress(state: FlowState): FlowProgress {
  if (state.step === 'done') return { ...newRun(state.config, null), lastCaptureStep: state.lastCaptureStep };
  const { config, sessionId, captures, accepted, ocr, face, reinitUsed, notice, lastCaptureStep, focus } = state;
  return { config, sessionId, captures, accepted, ocr, face, reinitUsed, notice, lastCaptureStep, focus };
}

const captureAt = (run: FlowProgress, step: CaptureStep): CaptureState => ({
  ...run,
  step,
  lastCaptureStep: step,
  review: null,
  reviewWarning: false,
  capturing: false,
});

/** The next API call the run calls for, if any. */
export function nextWork(run: FlowProgress): Work | null {
  const { config, captures, accepted } = run;
  const back = hasBack(config.documentType);
  if (run.sessionId === null) return config.canInitSession ? 'init' : null;
  const documentCaptured = captures.front !== undefined && (!back || captures.back !== undefined);
  if (documentCaptured && !accepted.front) return 'ocr-front';
  if (documentCaptured && back && !accepted.back) return 'ocr-back';
  const documentRead = accepted.front && (!back || accepted.back);
  if (config.flow === 'full' && documentRead && captures.selfie !== undefined && !accepted.selfie) return 'face';
  return null;
}

/** The capture step the user still has to do, or `null` when every capture is in. */
function nextCaptureStep(run: FlowProgress): CaptureStep | null {
  const { captures, config } = run;
  if (!captures.front) return 'document-front';
  if (hasBack(config.documentType) && !captures.back) return 'document-back';
  if (config.flow === 'full' && !captures.selfie) return 'selfie';
  return null;
}

function mergedFields(reading: FlowProgress['ocr']): Record<string, OcrField> {
  return { ...reading.front?.fields, ...reading.back?.fields };
}

/** Shows `next`: a new step fires `ekyc-step`, and its heading takes focus (not the intro's: nobody asked for it). */
function enter<S extends FlowState>(from: FlowState, next: S, effects: FlowEffect[]): S {
  if (from.step === next.step) return next;
  effects.push({ type: 'emit', emission: { name: 'ekyc-step', detail: { step: next.step, previousStep: from.step } } });
  return { ...next, focus: next.step !== 'intro' };
}

/** Decides where the run goes once nothing is pending: the next call, the next capture, or the end. */
function advance(from: FlowState, run: FlowProgress, effects: FlowEffect[]): FlowState {
  const work = nextWork(run);
  if (work) {
    effects.push({ type: 'run', work });
    const processing: ProcessingState = { ...run, step: 'processing', work };
    return enter(from, processing, effects);
  }
  if (run.sessionId === null) {
    return fail(from, run, effects, { code: 'session-expired', serverMessage: null, apiCode: null, status: null, completeSession: false });
  }
  const step = nextCaptureStep(run);
  if (step) return enter(from, captureAt(run, step), effects);
  return finish(from, run, effects);
}

/** The document as `ekyc-complete` reports it; `null` until the front is read. */
export function ocrOutcome(reading: DocumentReading): EkycOcrOutcome | null {
  const { front, back } = reading;
  if (!front) return null;
  return {
    fields: mergedFields(reading),
    front: front.response,
    back: back?.response ?? null,
    qr: front.qr ?? back?.qr ?? null,
    crossCheck: (back ?? front).crossCheck ?? null,
  };
}

/** Each capture's signals, named with its side. */
function integrityOf(captures: FlowProgress['captures']): EkycCompleteDetail['integrity'] {
  const signals = Object.values(captures).flatMap(({ side, integrity }) => integrity.signals.map((signal) => ({ ...signal, side })));
  return { signals, flagged: signals.some((signal) => signal.flagged) };
}

/** The result, built once: fields and scores, never a photo. */
function finish(from: FlowState, run: FlowProgress, effects: FlowEffect[]): FlowState {
  const ocr = ocrOutcome(run.ocr);
  if (!ocr || run.sessionId === null) return from;
  const done: DoneState = {
    step: 'done',
    config: run.config,
    lastCaptureStep: run.lastCaptureStep,
    focus: run.focus,
    result: {
      sessionId: run.sessionId,
      ocr,
      face: run.face,
      integrity: integrityOf(run.captures),
    },
  };
  const entered = enter(from, done, effects);
  effects.push({ type: 'emit', emission: { name: 'ekyc-complete', detail: done.result } });
  return entered;
}

function errorEmission(
  error: Pick<FlowError, 'code' | 'serverMessage' | 'recoverable'> & Partial<Pick<FlowError, 'apiCode' | 'status'>>,
  step: FlowState['step'],
  message?: string,
): FlowEffect {
  const emission: EkycEmission & { name: 'ekyc-error' } = {
    name: 'ekyc-error',
    detail: { code: error.code, message: message ?? error.serverMessage ?? '', step, recoverable: error.recoverable },
  };
  if (error.apiCode != null) emission.detail.apiCode = error.apiCode;
  if (error.status != null) emission.detail.status = error.status;
  return { type: 'emit', emission };
}

const deviceError = (code: EkycErrorCode, step: FlowState['step']): FlowEffect =>
  errorEmission({ code, serverMessage: null, recoverable: true }, step);

/** Shows the error screen. `ekyc-error` names the step where it happened. */
function fail(from: FlowState, run: FlowProgress, effects: FlowEffect[], failure: WorkFailure): ErrorState {
  const transient = ['network', 'timeout', 'server', 'bad-response'].includes(failure.code);
  let retry: FlowError['retry'];
  if (failure.code === 'session-expired' || (failure.completeSession && !run.config.canInitSession)) {
    retry = run.config.canInitSession ? 'work' : 'session';
  } else if (transient) {
    retry = 'work';
  } else {
    retry = 'restart';
  }
  const recoverable = retry !== 'restart' || (failure.status !== null && failure.status >= 500);
  const error: FlowError = { ...failure, recoverable, retry };
  effects.push(errorEmission(error, from.step));
  return enter(from, { ...run, step: 'error', error, configMessage: null }, effects);
}

function withoutCapture(captures: FlowProgress['captures'], side: CaptureSide): FlowProgress['captures'] {
  const kept: FlowProgress['captures'] = {};
  for (const key of ['front', 'back', 'selfie'] as const) {
    const capture = captures[key];
    if (key !== side && capture) kept[key] = capture;
  }
  return kept;
}

/** A new session: nothing is accepted in it yet, so every kept capture will be sent again. */
function withSession(run: FlowProgress, sessionId: string | null): FlowProgress {
  return { ...run, sessionId, accepted: { ...NOTHING_ACCEPTED } };
}

function onFailure(state: ProcessingState, failure: WorkFailure, effects: FlowEffect[]): FlowState {
  const run = progress(state);
  const work = state.work;
  if (failure.code === 'session-expired') {
    if (run.config.canInitSession && !run.reinitUsed) return advance(state, { ...withSession(run, null), reinitUsed: true }, effects);
    return fail(state, withSession(run, null), effects, failure);
  }
  const notice = { code: failure.code, serverMessage: failure.serverMessage, from: 'api' as const };
  const retake: FlowError = { ...failure, recoverable: true, retry: 'work' };
  if ((work === 'ocr-front' || work === 'ocr-back') && ['document-not-found', 'document-rejected', 'side-mismatch'].includes(failure.code)) {
    const side = work === 'ocr-front' ? 'front' : 'back';
    effects.push(errorEmission(retake, stepOfSide(side)));
    return enter(state, captureAt({ ...run, captures: withoutCapture(run.captures, side), notice }, stepOfSide(side)), effects);
  }
  if (work === 'face' && ['face-mismatch', 'multiple-faces', 'face-rejected'].includes(failure.code)) {
    effects.push(errorEmission(retake, 'selfie'));
    if (failure.completeSession) {
      const fresh = { ...withSession(run, null), captures: {}, ocr: { front: null, back: null }, notice };
      if (!run.config.canInitSession) return fail(state, fresh, effects, failure);
      return advance(state, { ...fresh, reinitUsed: false }, effects);
    }
    return enter(state, captureAt({ ...run, captures: withoutCapture(run.captures, 'selfie'), notice }, 'selfie'), effects);
  }
  return fail(state, run, effects, failure);
}

function onDone(state: ProcessingState, effects: FlowEffect[], update: Partial<FlowProgress>): FlowState {
  return advance(state, { ...progress(state), ...update, reinitUsed: false }, effects);
}

const processing = (state: FlowState, work: Work): state is ProcessingState => state.step === 'processing' && state.work === work;

/** The whole flow as one pure function: DESIGN §3, one branch per row. */
export function transition(state: FlowState, event: FlowEvent): Transition {
  const effects: FlowEffect[] = [];
  const result = (next: FlowState): Transition => ({ state: next, effects });

  switch (event.type) {
    case 'start': {
      const settled = state.step === 'error' && (state.error.retry === 'restart' || state.error.retry === 'none');
      if (state.step !== 'intro' && state.step !== 'done' && !settled) return result(state);
      if (event.sessionId !== null) {
        effects.push({ type: 'emit', emission: { name: 'ekyc-start', detail: { sessionId: event.sessionId } } });
      }
      return result(advance(state, newRun(event.config, event.sessionId), effects));
    }
    case 'config-error': {
      const error: FlowError = {
        code: 'bad-config',
        serverMessage: null,
        apiCode: null,
        status: null,
        completeSession: false,
        recoverable: false,
        retry: 'none',
      };
      effects.push(errorEmission(error, state.step, event.message));
      return result(enter(state, { ...progress(state), step: 'error', error, configMessage: event.message }, effects));
    }
    case 'capture-started': {
      if (!isCaptureState(state) || state.review || state.capturing) return result(state);
      return result({ ...state, capturing: true });
    }
    case 'captured': {
      if (!isCaptureState(state) || !state.capturing || state.review || sideOfStep(state.step) !== event.capture.side) return result(state);
      const notice = state.notice?.from === 'device' ? null : state.notice;
      return result({ ...state, review: event.capture, capturing: false, reviewWarning: false, notice, focus: true });
    }
    case 'capture-failed': {
      if (!isCaptureState(state) || !state.capturing) return result(state);
      effects.push(deviceError(event.code, state.step));
      return result({ ...state, capturing: false, notice: { code: event.code, serverMessage: null, from: 'device' } });
    }
    case 'portrait-missing': {
      if (!isCaptureState(state) || state.review?.image !== event.image || state.reviewWarning) return result(state);
      effects.push(deviceError('not-a-front', state.step));
      return result({ ...state, reviewWarning: true });
    }
    case 'review-failed': {
      // The photo could not be shown: it cannot be checked, so it is taken again.
      if (!isCaptureState(state) || state.review?.image !== event.image) return result(state);
      effects.push(deviceError('capture-failed', state.step));
      const notice = { code: 'capture-failed' as const, serverMessage: null, from: 'device' as const };
      return result({ ...state, review: null, reviewWarning: false, notice, focus: true });
    }
    case 'device-error':
      effects.push(deviceError(event.code, state.step));
      return result(state);
    case 'retake':
      if (!isCaptureState(state) || !state.review) return result(state);
      return result({ ...state, review: null, reviewWarning: false, focus: true });
    case 'confirm': {
      if (!isCaptureState(state) || !state.review) return result(state);
      const capture = state.review;
      effects.push({ type: 'emit', emission: { name: 'ekyc-capture', detail: { ...capture } } });
      const run = progress(state);
      const captures = { ...run.captures, [capture.side]: capture };
      const accepted = { ...run.accepted, [capture.side]: false };
      return result(advance(state, { ...run, captures, accepted, notice: null }, effects));
    }
    case 'session-created': {
      if (!processing(state, 'init')) return result(state);
      const first = Object.keys(state.captures).length === 0 && state.ocr.front === null;
      if (first && !state.reinitUsed) {
        effects.push({ type: 'emit', emission: { name: 'ekyc-start', detail: { sessionId: event.sessionId } } });
      }
      return result(advance(state, withSession(progress(state), event.sessionId), effects));
    }
    case 'ocr-done': {
      if (!processing(state, `ocr-${event.side}`)) return result(state);
      const { response, fields, qr = null } = event.result;
      effects.push({ type: 'emit', emission: { name: 'ekyc-ocr', detail: { side: event.side, response, fields, qr } } });
      return result(
        onDone(state, effects, { accepted: { ...state.accepted, [event.side]: true }, ocr: { ...state.ocr, [event.side]: event.result } }),
      );
    }
    case 'face-done': {
      if (!processing(state, 'face')) return result(state);
      const face = event.result;
      const { response, isLive, isMatch, similarity, completeSession } = face;
      effects.push({ type: 'emit', emission: { name: 'ekyc-face', detail: { response, isLive, isMatch, similarity, completeSession } } });
      return result(onDone(state, effects, { accepted: { ...state.accepted, selfie: true }, face }));
    }
    case 'work-failed':
      if (!processing(state, event.work)) return result(state);
      return result(onFailure(state, event.failure, effects));
    case 'retry': {
      if (state.step !== 'error') return result(state);
      const run = progress(state);
      if (state.error.retry === 'work') return result(advance(state, { ...run, reinitUsed: false }, effects));
      if (state.error.retry === 'restart') {
        const fresh = newRun(run.config, run.config.canInitSession ? null : run.sessionId);
        return result(advance(state, { ...fresh, lastCaptureStep: null }, effects));
      }
      return result(state);
    }
    case 'session-provided': {
      if (state.step === 'intro' || state.step === 'done' || event.sessionId === state.sessionId) return result(state);
      const waiting = state.step === 'error' && state.error.retry === 'session';
      const run = { ...withSession(progress(state), event.sessionId), reinitUsed: false };
      // A call under way belongs to the old session: its answer would not count in the new one.
      if (waiting || state.step === 'processing') return result(advance(state, run, effects));
      return result({ ...state, ...run, focus: state.focus });
    }
    case 'document-type-changed': {
      // Photos of one document are worth nothing for another: the document steps start over, in the same session.
      if (state.step === 'intro' || state.step === 'done' || event.documentType === state.config.documentType) return result(state);
      if (state.step === 'error' && state.error.retry !== 'work' && state.error.retry !== 'session') return result(state);
      const run: FlowProgress = {
        ...withSession(progress(state), state.sessionId),
        config: { ...state.config, documentType: event.documentType },
        captures: {},
        ocr: { front: null, back: null },
        face: null,
        reinitUsed: false,
        notice: null,
      };
      if (state.step === 'error' && state.error.retry === 'session') return result({ ...state, ...run, focus: state.focus });
      return result(advance(state, run, effects));
    }
    case 'reset':
      return result(enter(state, initialState(state.config), effects));
    case 'cancel': {
      if (state.step === 'intro') return result(state);
      effects.push({ type: 'emit', emission: { name: 'ekyc-cancel', detail: { step: state.step } } });
      return result(enter(state, initialState(state.config), effects));
    }
    case 'focused':
      return result(state.focus ? { ...state, focus: false } : state);
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
