import type { DocumentType, FaceResult, OcrField } from '../api/types.js';
import type { EkycEmission, EkycOcrOutcome } from '../events.js';
import type {
  Capture,
  CaptureSide,
  FlowConfig,
  FlowError,
  FlowState,
  SideReading,
  Step,
  Work,
  WorkFailure,
} from './types.js';

/** What can happen to the flow. The element turns clicks, camera frames and API answers into these. */
export type FlowEvent =
  | { type: 'start'; config: FlowConfig; sessionId: string | null }
  | { type: 'config-error'; message: string }
  | { type: 'captured'; capture: Capture }
  | { type: 'retake' }
  | { type: 'confirm' }
  | { type: 'session-created'; sessionId: string }
  | { type: 'ocr-done'; side: 'front' | 'back'; result: SideReading }
  | { type: 'face-done'; result: FaceResult }
  | { type: 'work-failed'; work: Work; failure: WorkFailure }
  | { type: 'retry' }
  | { type: 'session-provided'; sessionId: string }
  | { type: 'document-type-changed'; documentType: DocumentType }
  | { type: 'reset' }
  | { type: 'cancel' };

/** What the element must do after a transition, in order. */
export type FlowEffect = { type: 'emit'; emission: EkycEmission } | { type: 'run'; work: Work };

export interface Transition {
  state: FlowState;
  effects: FlowEffect[];
}

const NOTHING_ACCEPTED: Record<CaptureSide, boolean> = { front: false, back: false, selfie: false };

export function initialState(config: FlowConfig = { documentType: 'idr', flow: 'full', canInitSession: false }): FlowState {
  return {
    step: 'intro',
    config,
    sessionId: null,
    review: null,
    captures: {},
    accepted: { ...NOTHING_ACCEPTED },
    ocr: { front: null, back: null },
    face: null,
    work: null,
    reinitUsed: false,
    notice: null,
    error: null,
  };
}

export const needsBack = (config: FlowConfig): boolean => config.documentType !== 'passport';

export const isCaptureStep = (step: Step): step is 'document-front' | 'document-back' | 'selfie' =>
  step === 'document-front' || step === 'document-back' || step === 'selfie';

export function sideOfStep(step: Step): CaptureSide | null {
  if (step === 'document-front') return 'front';
  if (step === 'document-back') return 'back';
  if (step === 'selfie') return 'selfie';
  return null;
}

const stepOfSide = (side: CaptureSide): Step =>
  side === 'front' ? 'document-front' : side === 'back' ? 'document-back' : 'selfie';

/** The next API call the state calls for, if any. */
export function nextWork(state: FlowState): Work | null {
  const { config, captures, accepted } = state;
  if (state.sessionId === null) return config.canInitSession ? 'init' : null;
  const documentCaptured = captures.front !== undefined && (!needsBack(config) || captures.back !== undefined);
  if (documentCaptured && !accepted.front) return 'ocr-front';
  if (documentCaptured && needsBack(config) && !accepted.back) return 'ocr-back';
  const documentRead = accepted.front && (!needsBack(config) || accepted.back);
  if (config.flow === 'full' && documentRead && captures.selfie !== undefined && !accepted.selfie) return 'face';
  return null;
}

/** The capture step the user still has to do, or `null` when every capture is in. */
function nextCaptureStep(state: FlowState): Step | null {
  const { captures, config } = state;
  if (!captures.front) return 'document-front';
  if (needsBack(config) && !captures.back) return 'document-back';
  if (config.flow === 'full' && !captures.selfie) return 'selfie';
  return null;
}

function mergedFields(reading: FlowState['ocr']): Record<string, OcrField> {
  return { ...reading.front?.fields, ...reading.back?.fields };
}

/** Moves `state` to `step`, adding the `ekyc-step` emission when the step changes. */
function goTo(state: FlowState, step: Step, effects: FlowEffect[]): FlowState {
  if (state.step !== step) {
    effects.push({ type: 'emit', emission: { name: 'ekyc-step', detail: { step, previousStep: state.step } } });
  }
  return { ...state, step };
}

/** Decides where the flow goes once nothing is pending: the next call, the next capture, or the end. */
function advance(state: FlowState, effects: FlowEffect[]): FlowState {
  const work = nextWork(state);
  if (work) {
    effects.push({ type: 'run', work });
    return goTo({ ...state, work, error: null }, 'processing', effects);
  }
  if (state.sessionId === null) {
    return fail(state, effects, {
      code: 'session-expired',
      serverMessage: null,
      apiCode: null,
      status: null,
      completeSession: false,
    });
  }
  const capture = nextCaptureStep(state);
  if (capture) return goTo({ ...state, work: null }, capture, effects);
  return finish(state, effects);
}

/** The document as `ekyc-complete` reports it; `null` until the front is read. */
export function ocrOutcome(reading: FlowState['ocr']): EkycOcrOutcome | null {
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

function finish(state: FlowState, effects: FlowEffect[]): FlowState {
  const ocr = ocrOutcome(state.ocr);
  if (!ocr || state.sessionId === null) return state;
  const done = goTo({ ...state, work: null, notice: null }, 'done', effects);
  effects.push({
    type: 'emit',
    emission: { name: 'ekyc-complete', detail: { sessionId: state.sessionId, ocr, face: state.face } },
  });
  return done;
}

function errorEmission(error: FlowError, step: Step, message?: string): FlowEffect {
  const detail: EkycEmission & { name: 'ekyc-error' } = {
    name: 'ekyc-error',
    detail: { code: error.code, message: message ?? error.serverMessage ?? '', step, recoverable: error.recoverable },
  };
  if (error.apiCode !== null) detail.detail.apiCode = error.apiCode;
  if (error.status !== null) detail.detail.status = error.status;
  return { type: 'emit', emission: detail };
}

/** Shows the error step. `ekyc-error` names the step where it happened. */
function fail(state: FlowState, effects: FlowEffect[], failure: WorkFailure): FlowState {
  const transient = ['network', 'timeout', 'server', 'bad-response'].includes(failure.code);
  let retry: FlowError['retry'];
  if (failure.code === 'session-expired' || (failure.completeSession && !state.config.canInitSession)) {
    retry = state.config.canInitSession ? 'work' : 'session';
  } else if (transient) {
    retry = 'work';
  } else {
    retry = 'restart';
  }
  const recoverable = retry !== 'restart' || (failure.status !== null && failure.status >= 500);
  const error: FlowError = { ...failure, recoverable, retry };
  effects.push(errorEmission(error, state.step));
  return goTo({ ...state, error }, 'error', effects);
}

function withoutCapture(captures: FlowState['captures'], side: CaptureSide): FlowState['captures'] {
  const kept: FlowState['captures'] = {};
  for (const key of ['front', 'back', 'selfie'] as const) {
    const capture = captures[key];
    if (key !== side && capture) kept[key] = capture;
  }
  return kept;
}

/** A new session: nothing is accepted in it yet, so every kept capture will be sent again. */
function withSession(state: FlowState, sessionId: string | null): FlowState {
  return { ...state, sessionId, accepted: { ...NOTHING_ACCEPTED } };
}

function onFailure(state: FlowState, work: Work, failure: WorkFailure, effects: FlowEffect[]): FlowState {
  if (failure.code === 'session-expired') {
    if (state.config.canInitSession && !state.reinitUsed) {
      return advance({ ...withSession(state, null), reinitUsed: true }, effects);
    }
    return fail(withSession(state, null), effects, failure);
  }
  if (work === 'ocr-front' || work === 'ocr-back') {
    if (failure.code === 'document-not-found' || failure.code === 'document-rejected') {
      const side = work === 'ocr-front' ? 'front' : 'back';
      const captures = withoutCapture(state.captures, side);
      const notice = { code: failure.code, serverMessage: failure.serverMessage };
      const error: FlowError = { ...failure, recoverable: true, retry: 'work' };
      effects.push(errorEmission(error, stepOfSide(side)));
      return goTo({ ...state, captures, notice, work: null, error: null }, stepOfSide(side), effects);
    }
  }
  if (work === 'face' && ['face-mismatch', 'multiple-faces', 'face-rejected'].includes(failure.code)) {
    const error: FlowError = { ...failure, recoverable: true, retry: 'work' };
    const notice = { code: failure.code, serverMessage: failure.serverMessage };
    if (failure.completeSession) {
      effects.push(errorEmission(error, 'selfie'));
      const fresh = { ...withSession(state, null), captures: {}, ocr: { front: null, back: null }, notice, work: null };
      if (!state.config.canInitSession) return fail(fresh, effects, failure);
      return advance({ ...fresh, reinitUsed: false }, effects);
    }
    const captures = withoutCapture(state.captures, 'selfie');
    effects.push(errorEmission(error, 'selfie'));
    return goTo({ ...state, captures, notice, work: null, error: null }, 'selfie', effects);
  }
  return fail(state, effects, failure);
}

function onDone(state: FlowState, effects: FlowEffect[], update: Partial<FlowState>): FlowState {
  return advance({ ...state, ...update, reinitUsed: false, work: null }, effects);
}

/** The whole flow as one pure function: DESIGN §3, one branch per row. */
export function transition(state: FlowState, event: FlowEvent): Transition {
  const effects: FlowEffect[] = [];
  const result = (next: FlowState): Transition => ({ state: next, effects });

  switch (event.type) {
    case 'start': {
      if (state.step !== 'intro' && state.step !== 'done' && !(state.step === 'error' && state.error?.retry === 'restart')) {
        return result(state);
      }
      const fresh = { ...initialState(event.config), step: state.step, sessionId: event.sessionId };
      if (event.sessionId !== null) {
        effects.push({ type: 'emit', emission: { name: 'ekyc-start', detail: { sessionId: event.sessionId } } });
      }
      return result(advance(fresh, effects));
    }
    case 'config-error': {
      const error: FlowError = {
        code: 'bad-config',
        serverMessage: null,
        apiCode: null,
        status: null,
        completeSession: false,
        recoverable: false,
        retry: 'restart',
      };
      effects.push(errorEmission(error, state.step, event.message));
      return result(goTo({ ...state, error }, 'error', effects));
    }
    case 'captured': {
      const side = sideOfStep(state.step);
      if (side === null || side !== event.capture.side || state.review) return result(state);
      return result({ ...state, review: event.capture });
    }
    case 'retake':
      return result(state.review ? { ...state, review: null } : state);
    case 'confirm': {
      const capture = state.review;
      if (!capture || sideOfStep(state.step) !== capture.side) return result(state);
      effects.push({ type: 'emit', emission: { name: 'ekyc-capture', detail: { ...capture } } });
      const captures = { ...state.captures, [capture.side]: capture };
      const accepted = { ...state.accepted, [capture.side]: false };
      return result(advance({ ...state, captures, accepted, review: null, notice: null }, effects));
    }
    case 'session-created': {
      if (state.work !== 'init' || state.step !== 'processing') return result(state);
      const first = Object.keys(state.captures).length === 0 && state.ocr.front === null;
      if (first && !state.reinitUsed) {
        effects.push({ type: 'emit', emission: { name: 'ekyc-start', detail: { sessionId: event.sessionId } } });
      }
      return result(advance({ ...withSession(state, event.sessionId), work: null }, effects));
    }
    case 'ocr-done': {
      if (state.work !== `ocr-${event.side}` || state.step !== 'processing') return result(state);
      const { response, fields, qr = null } = event.result;
      effects.push({ type: 'emit', emission: { name: 'ekyc-ocr', detail: { side: event.side, response, fields, qr } } });
      return result(
        onDone(state, effects, {
          accepted: { ...state.accepted, [event.side]: true },
          ocr: { ...state.ocr, [event.side]: event.result },
        }),
      );
    }
    case 'face-done': {
      if (state.work !== 'face' || state.step !== 'processing') return result(state);
      const face = event.result;
      effects.push({
        type: 'emit',
        emission: {
          name: 'ekyc-face',
          detail: {
            response: face.response,
            isLive: face.isLive,
            isMatch: face.isMatch,
            similarity: face.similarity,
            completeSession: face.completeSession,
          },
        },
      });
      return result(onDone(state, effects, { accepted: { ...state.accepted, selfie: true }, face }));
    }
    case 'work-failed': {
      if (state.work !== event.work || state.step !== 'processing') return result(state);
      return result(onFailure(state, event.work, event.failure, effects));
    }
    case 'retry': {
      if (state.step !== 'error' || !state.error) return result(state);
      if (state.error.retry === 'work') return result(advance({ ...state, error: null, reinitUsed: false }, effects));
      return result(state);
    }
    case 'session-provided': {
      if (event.sessionId === state.sessionId) return result(state);
      const waiting = state.step === 'error' && state.error?.retry === 'session';
      // A call under way belongs to the old session: its answer would not count in the new one.
      const running = state.step === 'processing' && state.work !== null;
      const next = { ...withSession(state, event.sessionId), reinitUsed: false };
      if (!waiting && !running) return result(next);
      return result(advance({ ...next, error: null }, effects));
    }
    case 'document-type-changed': {
      // Photos of one document are worth nothing for another: the document steps start over, in the same session.
      const settled = state.step === 'intro' || state.step === 'done' || state.error?.retry === 'restart';
      if (settled || event.documentType === state.config.documentType) return result(state);
      const fresh: FlowState = {
        ...state,
        config: { ...state.config, documentType: event.documentType },
        review: null,
        captures: {},
        accepted: { ...NOTHING_ACCEPTED },
        ocr: { front: null, back: null },
        face: null,
        reinitUsed: false,
        notice: null,
      };
      if (state.error?.retry === 'session') return result(fresh);
      return result(advance({ ...fresh, work: null, error: null }, effects));
    }
    case 'reset':
      return result(goTo({ ...initialState(state.config), step: state.step }, 'intro', effects));
    case 'cancel': {
      if (state.step === 'intro') return result(state);
      effects.push({ type: 'emit', emission: { name: 'ekyc-cancel', detail: { step: state.step } } });
      return result(goTo({ ...initialState(state.config), step: state.step }, 'intro', effects));
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
