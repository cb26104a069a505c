import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import type { EkycFlow } from '../../src/index.js';
import { apiHeaders, useEmulator } from '../helpers/emulator.js';
import {
  click,
  eventsNamed,
  flowErrors,
  flowNames,
  liveTracks,
  mountFlow,
  part,
  recordEvents,
  shootAndConfirm,
  stepsOf,
  trackStreams,
  waitForStep,
  type Recorded,
} from '../helpers/flow.js';

async function start(element: EkycFlow): Promise<void> {
  await click(element, 'start-button');
}

describe('<ekyc-flow> happy paths', () => {
  let events: Recorded[];
  beforeEach(() => {
    events = recordEvents();
  });

  it('runs an idr from intro to done: per-side OCR, then the selfie, events in order', async () => {
    const { emulator, apiBase } = await useEmulator();
    const sessionId = emulator.createSession();
    const element = await mountFlow({ apiBase, sessionId });
    expect(element.step).to.equal('intro');
    await start(element);
    await waitForStep(element, 'document-front');
    await shootAndConfirm(element);
    await waitForStep(element, 'document-back');
    await shootAndConfirm(element);
    await waitForStep(element, 'selfie');
    await shootAndConfirm(element);
    await waitForStep(element, 'done');

    expect(emulator.requests.map((request) => new URL(request.url).pathname)).to.deep.equal([
      '/ocr',
      '/ocr',
      '/face/liveness',
    ]);
    const [front, back, selfie] = emulator.requests;
    expect(apiHeaders(front!.headers)).to.deep.equal({
      'session-id': sessionId,
      'device-type': 'web-sdk',
      'document-type': 'idr',
      'side-type': 'front',
      lang: 'en',
    });
    expect(apiHeaders(back!.headers)['side-type']).to.equal('back');
    expect(front!.files).to.have.length(1);
    expect(front!.files[0]).to.include({ field: 'files', type: 'image/jpeg' });
    expect(apiHeaders(selfie!.headers)).to.deep.equal({
      'session-id': sessionId,
      'device-type': 'web-sdk',
      auto: 'False',
      lang: 'en',
    });
    expect(selfie!.files[0]).to.include({ field: 'selfies', type: 'image/jpeg' });

    expect(flowNames(events).filter((name) => name !== 'ekyc-step')).to.deep.equal([
      'ekyc-start',
      'ekyc-capture',
      'ekyc-capture',
      'ekyc-ocr',
      'ekyc-ocr',
      'ekyc-capture',
      'ekyc-face',
      'ekyc-complete',
    ]);
    expect(stepsOf(events)).to.deep.equal([
      'document-front',
      'document-back',
      'processing',
      'selfie',
      'processing',
      'done',
    ]);
    const [capture] = eventsNamed(events, 'ekyc-capture');
    expect(capture!.image).to.be.instanceOf(Blob);
    expect(capture!.image.type).to.equal('image/jpeg');
    expect(capture!.image.size).to.equal(front!.files[0]!.size);
    const [complete] = eventsNamed(events, 'ekyc-complete');
    expect(complete!.sessionId).to.equal(sessionId);
    expect(complete!.ocr.fields['Name']?.value).to.equal('NGUYỄN THỊ MINH ANH');
    expect(complete!.ocr.fields['Issue Date']?.value).to.equal('20/06/2021');
    expect(complete!.face?.isMatch).to.equal(true);
    expect(element.result?.sessionId).to.equal(sessionId);
    expect(part(element, 'result')?.textContent).to.contain('NGUYỄN THỊ MINH ANH');
  });

  it('runs a passport with one OCR request and no back step', async () => {
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), documentType: 'passport' });
    await start(element);
    await shootAndConfirm(element);
    await waitForStep(element, 'selfie');
    await shootAndConfirm(element);
    await waitForStep(element, 'done');
    expect(emulator.requests.map((request) => apiHeaders(request.headers)['document-type'] ?? 'face')).to.deep.equal([
      'passport',
      'face',
    ]);
    expect(apiHeaders(emulator.requests[0]!.headers)).not.to.have.property('side-type');
    expect(stepsOf(events)).not.to.include('document-back');
    expect(eventsNamed(events, 'ekyc-complete')[0]?.ocr.fields['ID']?.value).to.equal('C4815162');
  });

  it('runs ocr-only with an api-key: init with only-engine 1, no selfie, complete with face null', async () => {
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, apiKey: 'demo-key', flow: 'ocr-only' });
    await start(element);
    await waitForStep(element, 'document-front');
    await shootAndConfirm(element);
    await shootAndConfirm(element);
    await waitForStep(element, 'done');
    const [init] = emulator.requests;
    expect(new URL(init!.url).pathname).to.equal('/session/init');
    expect(apiHeaders(init!.headers)).to.deep.equal({ 'api-key': 'demo-key', 'device-type': 'web-sdk', 'only-engine': '1' });
    expect(emulator.requests.map((request) => new URL(request.url).pathname)).to.deep.equal(['/session/init', '/ocr', '/ocr']);
    expect(stepsOf(events)).not.to.include('selfie');
    const [complete] = eventsNamed(events, 'ekyc-complete');
    expect(complete!.face).to.equal(null);
    expect(complete!.sessionId).to.equal(eventsNamed(events, 'ekyc-start')[0]?.sessionId);
  });

  it('never calls /session/init with a session-id', async () => {
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), apiKey: 'demo-key' });
    await start(element);
    await waitForStep(element, 'document-front');
    expect(emulator.requests).to.have.length(0);
  });
});

describe('<ekyc-flow> configuration', () => {
  for (const [label, attributes, expected] of [
    ['a missing api-base', { apiBase: '', sessionId: 's' }, 'api-base'],
    ['an unknown document-type', { apiBase: 'https://x.test', sessionId: 's', documentType: 'visa' }, 'document-type'],
    ['neither session-id nor api-key', { apiBase: 'https://x.test' }, 'session-id'],
  ] as const) {
    it(`reports ${label} as bad-config, saying what to set`, async () => {
      const events = recordEvents();
      const element = await mountFlow(attributes);
      element.start();
      await waitForStep(element, 'error');
      const [error] = flowErrors(events);
      expect(error!.code).to.equal('bad-config');
      expect(error!.recoverable).to.equal(false);
      expect(error!.message).to.contain(expected);
    });
  }
});

describe('<ekyc-flow> camera', () => {
  it('reports a denied camera as camera-denied and offers the upload path', async () => {
    const { emulator, apiBase } = await useEmulator();
    const mediaDevices = navigator.mediaDevices;
    const original = mediaDevices.getUserMedia.bind(mediaDevices);
    mediaDevices.getUserMedia = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    try {
      const events = recordEvents();
      const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), allowUpload: true });
      await start(element);
      await waitUntil(() => flowErrors(events).length > 0, 'camera error');
      expect(flowErrors(events)[0]).to.deep.include({ code: 'camera-denied', step: 'document-front', recoverable: true });
      expect(part(element, 'upload-button')).to.exist;
      expect(part(element, 'capture-button')).to.equal(null);
    } finally {
      mediaDevices.getUserMedia = original;
    }
  });

  it('stops every camera track when the element is removed mid-step', async () => {
    const { emulator, apiBase } = await useEmulator();
    const tracking = trackStreams();
    try {
      const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
      await start(element);
      await waitUntil(() => liveTracks(tracking.streams).length > 0, 'a live camera');
      element.remove();
      expect(tracking.streams.length).to.be.greaterThan(0);
      expect(liveTracks(tracking.streams)).to.deep.equal([]);
    } finally {
      tracking.restore();
    }
  });

  it('stops the camera while the photo is under review and on the processing step', async () => {
    const { emulator, apiBase } = await useEmulator();
    const tracking = trackStreams();
    try {
      const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
      await start(element);
      await click(element, 'capture-button');
      await waitUntil(() => part(element, 'confirm-button') !== null, 'review');
      await waitUntil(() => liveTracks(tracking.streams).length === 0, 'camera stopped during review');
      await waitUntil(() => (part(element, 'review-image') as HTMLCanvasElement | null)?.width === 1600, 'the photo drawn');
    } finally {
      tracking.restore();
    }
  });
});
