import { expect } from 'chai';
import { describe, it } from 'node:test';
import type { FaceResult, OcrResult } from '../../src/api/types.js';
import { initialState, transition, type FlowEffect, type FlowEvent } from '../../src/flow/machine.js';
import type { CaptureSide, CaptureStep, Step } from '../../src/events.js';
import type { Capture, CaptureState, FlowConfig, FlowState, WorkFailure } from '../../src/flow/types.js';

const ID_WITH_SESSION: FlowConfig = { documentType: 'idr', flow: 'full', canInitSession: false };
const ID_WITH_KEY: FlowConfig = { documentType: 'idr', flow: 'full', canInitSession: true };

const capture = (side: CaptureSide): Capture => ({
  side,
  image: new Blob([side], { type: 'image/jpeg' }),
  width: 1600,
  height: 1000,
  auto: false,
  quality: null,
  source: 'camera',
  integrity: { signals: [], flagged: false },
});

const ocr = (key: string): OcrResult => ({
  response: { errorCode: '0', errorMessage: '', data: [] },
  fields: { [key]: { key, name: key, value: key.toLowerCase(), score: 99, locale: 'vn' } },
});

const face = (completeSession = false): FaceResult => ({
  response: { code: '200', message: 'ok' },
  code: '200',
  message: 'ok',
  isLive: true,
  spoofProb: null,
  needToReview: null,
  isDeepfake: null,
  deepfakeProb: null,
  isMatch: true,
  similarity: 95.84,
  completeSession,
});

const failure = (code: WorkFailure['code'], extra: Partial<WorkFailure> = {}): WorkFailure => ({
  code,
  serverMessage: null,
  apiCode: null,
  status: null,
  completeSession: false,
  ...extra,
});

type StateAt<S extends Step> = S extends CaptureStep ? CaptureState : Extract<FlowState, { step: S }>;

/** The state, checked to be on `step`, as that step's shape. */
function at<S extends Step>(state: FlowState, step: S): StateAt<S> {
  expect(state.step).to.equal(step);
  return state as StateAt<S>;
}

/** Runs events in order; returns the final state and every effect. */
function run(events: FlowEvent[], state: FlowState = initialState()): { state: FlowState; effects: FlowEffect[] } {
  const effects: FlowEffect[] = [];
  for (const event of events) {
    const next = transition(state, event);
    state = next.state;
    effects.push(...next.effects);
  }
  return { state, effects };
}

const emitted = (effects: FlowEffect[]) =>
  effects.flatMap((effect) => (effect.type === 'emit' ? [effect.emission.name] : []));
const runs = (effects: FlowEffect[]) => effects.flatMap((effect) => (effect.type === 'run' ? [effect.work] : []));
const shoot = (side: CaptureSide): FlowEvent[] => [
  { type: 'capture-started' },
  { type: 'captured', capture: capture(side) },
  { type: 'confirm' },
];

/** An idr flow with a host-made session, up to the OCR of the front. */
const UP_TO_OCR: FlowEvent[] = [
  { type: 'start', config: ID_WITH_SESSION, sessionId: 's1' },
  ...shoot('front'),
  ...shoot('back'),
];

describe('flow machine', () => {
  it('goes intro → front → back → processing → selfie → processing → done for an idr', () => {
    const { state, effects } = run([
      ...UP_TO_OCR,
      { type: 'ocr-done', side: 'front', result: ocr('ID') },
      { type: 'ocr-done', side: 'back', result: ocr('Features') },
      ...shoot('selfie'),
      { type: 'face-done', result: face() },
    ]);
    expect(state.step).to.equal('done');
    const steps = effects.flatMap((e) => (e.type === 'emit' && e.emission.name === 'ekyc-step' ? [e.emission.detail.step] : []));
    expect(steps).to.deep.equal(['document-front', 'document-back', 'processing', 'selfie', 'processing', 'done']);
    expect(runs(effects)).to.deep.equal(['ocr-front', 'ocr-back', 'face']);
    expect(emitted(effects).filter((name) => name !== 'ekyc-step')).to.deep.equal([
      'ekyc-start',
      'ekyc-capture',
      'ekyc-capture',
      'ekyc-ocr',
      'ekyc-ocr',
      'ekyc-capture',
      'ekyc-face',
      'ekyc-complete',
    ]);
    const complete = effects.at(-1);
    expect(complete?.type === 'emit' && complete.emission.name === 'ekyc-complete' && complete.emission.detail).to.deep.include({
      sessionId: 's1',
    });
  });

  it('merges the fields of both sides in ekyc-complete', () => {
    const { effects } = run([
      { type: 'start', config: { ...ID_WITH_SESSION, flow: 'ocr-only' }, sessionId: 's1' },
      ...shoot('front'),
      ...shoot('back'),
      { type: 'ocr-done', side: 'front', result: ocr('ID') },
      { type: 'ocr-done', side: 'back', result: ocr('Features') },
    ]);
    const last = effects.at(-1);
    if (last?.type !== 'emit' || last.emission.name !== 'ekyc-complete') throw new Error('no ekyc-complete');
    expect(Object.keys(last.emission.detail.ocr.fields)).to.deep.equal(['ID', 'Features']);
    expect(last.emission.detail.face).to.equal(null);
  });

  it('has no back step for a passport', () => {
    const { state, effects } = run([
      { type: 'start', config: { ...ID_WITH_SESSION, documentType: 'passport' }, sessionId: 's1' },
      ...shoot('front'),
    ]);
    expect(state.step).to.equal('processing');
    expect(runs(effects)).to.deep.equal(['ocr-front']);
  });

  it('creates the session first when it has a key, and announces it', () => {
    const { state, effects } = run([
      { type: 'start', config: ID_WITH_KEY, sessionId: null },
      { type: 'session-created', sessionId: 'new' },
    ]);
    expect(runs(effects)).to.deep.equal(['init']);
    expect(at(state, 'document-front').sessionId).to.equal('new');
    expect(emitted(effects)).to.include('ekyc-start');
  });

  it('ignores a second confirm: no capture is sent twice', () => {
    const { effects } = run([...UP_TO_OCR, { type: 'confirm' }, { type: 'confirm' }]);
    expect(runs(effects)).to.deep.equal(['ocr-front']);
  });

  describe('what each API answer does', () => {
    it('OCR errorCode 3 on the back: back to the back step, the front stays accepted', () => {
      const { state } = run([
        ...UP_TO_OCR,
        { type: 'ocr-done', side: 'front', result: ocr('ID') },
        { type: 'work-failed', work: 'ocr-back', failure: failure('document-not-found', { apiCode: '3' }) },
      ]);
      const back = at(state, 'document-back');
      expect(back.captures.front).to.exist;
      expect(back.captures.back).to.equal(undefined);
      expect(back.accepted.front).to.equal(true);
      expect(back.notice?.code).to.equal('document-not-found');
      const again = run([...shoot('back')], state);
      expect(runs(again.effects)).to.deep.equal(['ocr-back']);
    });

    it('OCR errorCode 3 on the front: back to the front step, the back capture is kept', () => {
      const { state } = run([
        ...UP_TO_OCR,
        { type: 'work-failed', work: 'ocr-front', failure: failure('document-not-found') },
      ]);
      expect(at(state, 'document-front').captures.back).to.exist;
      const again = run([...shoot('front')], state);
      expect(runs(again.effects)).to.deep.equal(['ocr-front']);
      expect(again.state.step).to.equal('processing');
    });

    it('403 with a key: a new session, then the accepted front is sent again', () => {
      const { state, effects } = run([
        { type: 'start', config: ID_WITH_KEY, sessionId: null },
        { type: 'session-created', sessionId: 'one' },
        ...shoot('front'),
        ...shoot('back'),
        { type: 'ocr-done', side: 'front', result: ocr('ID') },
        { type: 'work-failed', work: 'ocr-back', failure: failure('session-expired', { status: 403 }) },
        { type: 'session-created', sessionId: 'two' },
      ]);
      expect(runs(effects)).to.deep.equal(['init', 'ocr-front', 'ocr-back', 'init', 'ocr-front']);
      expect(at(state, 'processing').sessionId).to.equal('two');
      expect(emitted(effects)).not.to.include('ekyc-error');
      expect(emitted(effects).filter((name) => name === 'ekyc-start')).to.have.length(1);
    });

    it('403 twice in a row with a key: session-expired, a retry creates a session again', () => {
      const { state } = run([
        { type: 'start', config: ID_WITH_KEY, sessionId: null },
        { type: 'session-created', sessionId: 'one' },
        ...shoot('front'),
        ...shoot('back'),
        { type: 'work-failed', work: 'ocr-front', failure: failure('session-expired') },
        { type: 'session-created', sessionId: 'two' },
        { type: 'work-failed', work: 'ocr-front', failure: failure('session-expired') },
      ]);
      expect(at(state, 'error').error.code).to.equal('session-expired');
      const retried = run([{ type: 'retry' }], state);
      expect(runs(retried.effects)).to.deep.equal(['init']);
    });

    it('403 with a host session: ekyc-error session-expired, resumed by a new session-id', () => {
      const { state, effects } = run([
        ...UP_TO_OCR,
        { type: 'work-failed', work: 'ocr-front', failure: failure('session-expired', { status: 403 }) },
      ]);
      expect(at(state, 'error').error).to.deep.include({ code: 'session-expired', recoverable: true, retry: 'session' });
      const error = effects.find((e) => e.type === 'emit' && e.emission.name === 'ekyc-error');
      expect(error?.type === 'emit' && error.emission.detail).to.deep.include({ code: 'session-expired', step: 'processing' });
      const resumed = run([{ type: 'session-provided', sessionId: 's2' }], state);
      expect(runs(resumed.effects)).to.deep.equal(['ocr-front']);
      expect(at(resumed.state, 'processing').captures.front).to.exist;
      expect(at(resumed.state, 'processing').captures.back).to.exist;
    });

    it('face 303: the reason, back to the selfie; the document is not sent again', () => {
      const { state, effects } = run([
        ...UP_TO_OCR,
        { type: 'ocr-done', side: 'front', result: ocr('ID') },
        { type: 'ocr-done', side: 'back', result: ocr('Features') },
        ...shoot('selfie'),
        { type: 'work-failed', work: 'face', failure: failure('face-mismatch', { serverMessage: 'Không khớp' }) },
      ]);
      const selfie = at(state, 'selfie');
      expect(selfie.notice).to.deep.equal({ code: 'face-mismatch', serverMessage: 'Không khớp', from: 'api' });
      expect(selfie.accepted.front && selfie.accepted.back).to.equal(true);
      const again = run([...shoot('selfie')], state);
      expect(runs([...effects, ...again.effects]).filter((w) => w === 'face')).to.have.length(2);
      expect(runs(again.effects)).to.deep.equal(['face']);
    });

    it('face 407 with is_complete_session true and a key: back to the front in a new session', () => {
      const { state, effects } = run([
        { type: 'start', config: ID_WITH_KEY, sessionId: null },
        { type: 'session-created', sessionId: 'one' },
        ...shoot('front'),
        ...shoot('back'),
        { type: 'ocr-done', side: 'front', result: ocr('ID') },
        { type: 'ocr-done', side: 'back', result: ocr('Features') },
        ...shoot('selfie'),
        { type: 'work-failed', work: 'face', failure: failure('multiple-faces', { completeSession: true }) },
        { type: 'session-created', sessionId: 'two' },
      ]);
      const front = at(state, 'document-front');
      expect(front.captures).to.deep.equal({});
      expect(front.sessionId).to.equal('two');
      expect(front.notice?.code).to.equal('multiple-faces');
      expect(runs(effects).slice(-1)).to.deep.equal(['init']);
    });

    it('face refusal with is_complete_session true and a host session: waits for a new session', () => {
      const { state } = run([
        ...UP_TO_OCR,
        { type: 'ocr-done', side: 'front', result: ocr('ID') },
        { type: 'ocr-done', side: 'back', result: ocr('Features') },
        ...shoot('selfie'),
        { type: 'work-failed', work: 'face', failure: failure('face-mismatch', { completeSession: true }) },
      ]);
      expect(at(state, 'error').error).to.deep.include({ code: 'face-mismatch', retry: 'session' });
      const resumed = run([{ type: 'session-provided', sessionId: 's2' }], state);
      expect(resumed.state.step).to.equal('document-front');
    });

    for (const code of ['network', 'timeout', 'server'] as const) {
      it(`${code}: a connection problem with a retry; the captures are kept`, () => {
        const { state } = run([...UP_TO_OCR, { type: 'work-failed', work: 'ocr-front', failure: failure(code) }]);
        const error = at(state, 'error');
        expect(error.error).to.deep.include({ code, recoverable: true, retry: 'work' });
        expect(error.captures.front && error.captures.back).to.exist;
        const retried = run([{ type: 'retry' }, { type: 'retry' }], state);
        expect(runs(retried.effects)).to.deep.equal(['ocr-front']);
      });
    }
  });

  it('cancel fires ekyc-cancel with the step and drops every capture', () => {
    const { state, effects } = run([{ type: 'start', config: ID_WITH_SESSION, sessionId: 's1' }, ...shoot('front'), { type: 'cancel' }]);
    expect(at(state, 'intro').captures).to.deep.equal({});
    const cancel = effects.find((e) => e.type === 'emit' && e.emission.name === 'ekyc-cancel');
    expect(cancel?.type === 'emit' && cancel.emission.detail).to.deep.equal({ step: 'document-back' });
  });

  it('ignores late API answers after a reset', () => {
    const { state } = run([...UP_TO_OCR, { type: 'reset' }, { type: 'ocr-done', side: 'front', result: ocr('ID') }]);
    expect(at(state, 'intro').ocr.front).to.equal(null);
  });
});

describe('flow machine: the screen state', () => {
  const started: FlowEvent[] = [{ type: 'start', config: ID_WITH_SESSION, sessionId: 's1' }];

  it('takes a photo only while one is being taken, and drops one that arrives after cancel', () => {
    const ignored = run([...started, { type: 'captured', capture: capture('front') }]);
    expect(at(ignored.state, 'document-front').review).to.equal(null);
    const late = run([...started, { type: 'capture-started' }, { type: 'cancel' }, ...started, { type: 'captured', capture: capture('front') }]);
    expect(at(late.state, 'document-front').review).to.equal(null);
  });

  it('turns a failed photo into a notice and ekyc-error, and clears the notice with the next photo', () => {
    const { state, effects } = run([...started, { type: 'capture-started' }, { type: 'capture-failed', code: 'upload-unreadable' }]);
    const front = at(state, 'document-front');
    expect(front).to.deep.include({ capturing: false, notice: { code: 'upload-unreadable', serverMessage: null, from: 'device' } });
    const error = effects.find((effect) => effect.type === 'emit' && effect.emission.name === 'ekyc-error');
    expect(error?.type === 'emit' && error.emission.detail).to.deep.include({ code: 'upload-unreadable', step: 'document-front', recoverable: true });
    const next = run([{ type: 'capture-started' }, { type: 'captured', capture: capture('front') }], state);
    expect(at(next.state, 'document-front').notice).to.equal(null);
  });

  it('keeps the API\'s notice through a retake, until a photo is confirmed', () => {
    const refused = run([
      ...UP_TO_OCR,
      { type: 'work-failed', work: 'ocr-front', failure: failure('document-not-found') },
      { type: 'capture-started' },
      { type: 'captured', capture: capture('front') },
      { type: 'retake' },
    ]);
    expect(at(refused.state, 'document-front').notice?.code).to.equal('document-not-found');
  });

  it('warns about a front without a portrait only while that photo is under review', () => {
    const photo = capture('front');
    const review = run([...started, { type: 'capture-started' }, { type: 'captured', capture: photo }]);
    const other = run([{ type: 'portrait-missing', image: new Blob(['other']) }], review.state);
    expect(at(other.state, 'document-front').reviewWarning).to.equal(false);
    const warned = run([{ type: 'portrait-missing', image: photo.image }], review.state);
    expect(at(warned.state, 'document-front').reviewWarning).to.equal(true);
    expect(emitted(warned.effects)).to.deep.equal(['ekyc-error']);
    expect(at(run([{ type: 'retake' }], warned.state).state, 'document-front').reviewWarning).to.equal(false);
  });

  it('starts every run clean: reset and cancel drop the notice, the review, the progress and the focus request', () => {
    const photo = capture('front');
    for (const end of [{ type: 'reset' }, { type: 'cancel' }] as const) {
      const { state } = run([
        ...started,
        { type: 'capture-started' },
        { type: 'capture-failed', code: 'capture-failed' },
        { type: 'capture-started' },
        { type: 'captured', capture: photo },
        end,
      ]);
      expect(state).to.deep.equal(initialState(ID_WITH_SESSION));
    }
  });

  it('asks for focus on each new screen, never on the intro, and forgets it once focused', () => {
    const { state } = run(started);
    expect(state.focus).to.equal(true);
    expect(transition(state, { type: 'focused' }).state.focus).to.equal(false);
    expect(run([{ type: 'cancel' }], state).state.focus).to.equal(false);
  });

  it('remembers the last capture step for the progress list of the screens after it', () => {
    const { state } = run(UP_TO_OCR);
    expect(at(state, 'processing').lastCaptureStep).to.equal('document-back');
    expect(run([{ type: 'reset' }], state).state.lastCaptureStep).to.equal(null);
  });

  it('keeps no photo once the check is done, only the result it announced', () => {
    const { state, effects } = run([
      { type: 'start', config: { ...ID_WITH_SESSION, flow: 'ocr-only' }, sessionId: 's1' },
      ...shoot('front'),
      ...shoot('back'),
      { type: 'ocr-done', side: 'front', result: ocr('ID') },
      { type: 'ocr-done', side: 'back', result: ocr('Features') },
    ]);
    const done = at(state, 'done');
    expect(Object.keys(done).sort()).to.deep.equal(['config', 'focus', 'lastCaptureStep', 'result', 'step']);
    const complete = effects.at(-1);
    expect(complete?.type === 'emit' && complete.emission.detail).to.equal(done.result);
  });

  describe('the ways out of the error screen', () => {
    it('waits for the host with an expired host session: retry does nothing, cancel ends the flow', () => {
      const { state } = run([...UP_TO_OCR, { type: 'work-failed', work: 'ocr-front', failure: failure('session-expired') }]);
      expect(at(state, 'error').error.retry).to.equal('session');
      expect(transition(state, { type: 'retry' }).state).to.equal(state);
      const cancelled = run([{ type: 'cancel' }], state);
      expect(cancelled.state.step).to.equal('intro');
      expect(emitted(cancelled.effects)).to.include('ekyc-cancel');
    });

    it('offers only cancel for a page that is not set up, and starts when the page calls start again', () => {
      const { state } = run([{ type: 'config-error', message: 'Set api-base.' }]);
      const error = at(state, 'error');
      expect(error.error.retry).to.equal('none');
      expect(error.configMessage).to.equal('Set api-base.');
      expect(run(started, state).state.step).to.equal('document-front');
    });

    it('starts over from the first photo in the same session for a refusal that cannot be retried', () => {
      const { state } = run([...UP_TO_OCR, { type: 'work-failed', work: 'ocr-front', failure: failure('no-face') }]);
      expect(at(state, 'error').error.retry).to.equal('restart');
      const restarted = at(run([{ type: 'retry' }], state).state, 'document-front');
      expect(restarted.captures).to.deep.equal({});
      expect(restarted.sessionId).to.equal('s1');
    });
  });
});

describe('flow machine: document-type changes', () => {
  const config = { documentType: 'idr', flow: 'full', canInitSession: false } as const;
  const change = { type: 'document-type-changed', documentType: 'passport' } as const;

  it('leaves the intro as it is: the new type is read at start', () => {
    const state = initialState(config);
    expect(transition(state, change)).to.deep.equal({ state, effects: [] });
  });

  it('leaves a finished check as it is', () => {
    const done: FlowState = {
      step: 'done',
      config,
      lastCaptureStep: 'selfie',
      focus: false,
      result: {
        sessionId: 's',
        ocr: { fields: {}, front: { errorCode: '0', errorMessage: '', data: [] }, back: null, qr: null, crossCheck: null },
        face: null,
        integrity: { signals: [], flagged: false },
      },
    };
    expect(transition(done, change)).to.deep.equal({ state: done, effects: [] });
  });

  it('keeps waiting for the host\'s new session, with nothing of the old document kept', () => {
    const waiting: FlowState = {
      ...initialState(config),
      step: 'error',
      configMessage: null,
      ocr: { front: { response: { errorCode: '0', errorMessage: '', data: [], total_data: [] }, fields: {} }, back: null },
      accepted: { front: true, back: false, selfie: false },
      error: { code: 'session-expired', serverMessage: null, apiCode: '403', status: 403, completeSession: false, recoverable: true, retry: 'session' },
    };
    const { state, effects } = transition(waiting, change);
    expect(effects).to.deep.equal([]);
    expect(state).to.deep.include({ step: 'error', captures: {}, ocr: { front: null, back: null } });
    expect(state.config.documentType).to.equal('passport');
    const resumed = transition(state, { type: 'session-provided', sessionId: 'fresh' });
    expect(resumed.state.step).to.equal('document-front');
  });
});
