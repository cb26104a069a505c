import { expect } from '@open-wc/testing';
import type { FaceResult, OcrResult } from '../../src/api/types.js';
import { initialState, transition, type FlowEffect, type FlowEvent } from '../../src/flow/machine.js';
import type { Capture, CaptureSide, FlowConfig, FlowState, WorkFailure } from '../../src/flow/types.js';

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
const shoot = (side: CaptureSide): FlowEvent[] => [{ type: 'captured', capture: capture(side) }, { type: 'confirm' }];

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
    expect(state.step).to.equal('document-front');
    expect(state.sessionId).to.equal('new');
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
      expect(state.step).to.equal('document-back');
      expect(state.captures.front).to.exist;
      expect(state.captures.back).to.equal(undefined);
      expect(state.accepted.front).to.equal(true);
      expect(state.notice?.code).to.equal('document-not-found');
      const again = run([...shoot('back')], state);
      expect(runs(again.effects)).to.deep.equal(['ocr-back']);
    });

    it('OCR errorCode 3 on the front: back to the front step, the back capture is kept', () => {
      const { state } = run([
        ...UP_TO_OCR,
        { type: 'work-failed', work: 'ocr-front', failure: failure('document-not-found') },
      ]);
      expect(state.step).to.equal('document-front');
      expect(state.captures.back).to.exist;
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
      expect(state.sessionId).to.equal('two');
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
      expect(state.step).to.equal('error');
      expect(state.error?.code).to.equal('session-expired');
      const retried = run([{ type: 'retry' }], state);
      expect(runs(retried.effects)).to.deep.equal(['init']);
    });

    it('403 with a host session: ekyc-error session-expired, resumed by a new session-id', () => {
      const { state, effects } = run([
        ...UP_TO_OCR,
        { type: 'work-failed', work: 'ocr-front', failure: failure('session-expired', { status: 403 }) },
      ]);
      expect(state.step).to.equal('error');
      expect(state.error).to.deep.include({ code: 'session-expired', recoverable: true, retry: 'session' });
      const error = effects.find((e) => e.type === 'emit' && e.emission.name === 'ekyc-error');
      expect(error?.type === 'emit' && error.emission.detail).to.deep.include({ code: 'session-expired', step: 'processing' });
      const resumed = run([{ type: 'session-provided', sessionId: 's2' }], state);
      expect(runs(resumed.effects)).to.deep.equal(['ocr-front']);
      expect(resumed.state.captures.front).to.exist;
      expect(resumed.state.captures.back).to.exist;
    });

    it('face 303: the reason, back to the selfie; the document is not sent again', () => {
      const { state, effects } = run([
        ...UP_TO_OCR,
        { type: 'ocr-done', side: 'front', result: ocr('ID') },
        { type: 'ocr-done', side: 'back', result: ocr('Features') },
        ...shoot('selfie'),
        { type: 'work-failed', work: 'face', failure: failure('face-mismatch', { serverMessage: 'Không khớp' }) },
      ]);
      expect(state.step).to.equal('selfie');
      expect(state.notice).to.deep.equal({ code: 'face-mismatch', serverMessage: 'Không khớp' });
      expect(state.accepted.front && state.accepted.back).to.equal(true);
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
      expect(state.step).to.equal('document-front');
      expect(state.captures).to.deep.equal({});
      expect(state.sessionId).to.equal('two');
      expect(state.notice?.code).to.equal('multiple-faces');
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
      expect(state.step).to.equal('error');
      expect(state.error).to.deep.include({ code: 'face-mismatch', retry: 'session' });
      const resumed = run([{ type: 'session-provided', sessionId: 's2' }], state);
      expect(resumed.state.step).to.equal('document-front');
    });

    for (const code of ['network', 'timeout', 'server'] as const) {
      it(`${code}: a connection problem with a retry; the captures are kept`, () => {
        const { state } = run([...UP_TO_OCR, { type: 'work-failed', work: 'ocr-front', failure: failure(code) }]);
        expect(state.step).to.equal('error');
        expect(state.error).to.deep.include({ code, recoverable: true, retry: 'work' });
        expect(state.captures.front && state.captures.back).to.exist;
        const retried = run([{ type: 'retry' }, { type: 'retry' }], state);
        expect(runs(retried.effects)).to.deep.equal(['ocr-front']);
      });
    }
  });

  it('cancel fires ekyc-cancel with the step and drops every capture', () => {
    const { state, effects } = run([{ type: 'start', config: ID_WITH_SESSION, sessionId: 's1' }, ...shoot('front'), { type: 'cancel' }]);
    expect(state.step).to.equal('intro');
    expect(state.captures).to.deep.equal({});
    const cancel = effects.find((e) => e.type === 'emit' && e.emission.name === 'ekyc-cancel');
    expect(cancel?.type === 'emit' && cancel.emission.detail).to.deep.equal({ step: 'document-back' });
  });

  it('ignores late API answers after a reset', () => {
    const { state } = run([...UP_TO_OCR, { type: 'reset' }, { type: 'ocr-done', side: 'front', result: ocr('ID') }]);
    expect(state.step).to.equal('intro');
    expect(state.ocr.front).to.equal(null);
  });
});
