import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { en } from '../../src/i18n/en.js';
import { vi } from '../../src/i18n/vi.js';
import { apiHeaders, requestCalls, sentSizes, useEmulator } from '../helpers/emulator.js';
import { click, eventsNamed, mountFlow, part, recordEvents, shootAndConfirm, stepsOf, waitForStep, flowErrors, type Recorded } from '../helpers/flow.js';
import { useFastWaits } from '../helpers/fast-waits.js';
import { confirmedSize, textOf, throughDocument, throughSelfie, waitForErrorScreen } from '../helpers/journey.js';

/** The steps shown after the first `ekyc-error`. */
function stepsAfterError(events: Recorded[]): string[] {
  const index = events.findIndex((event) => event.name === 'ekyc-error');
  return index < 0 ? [] : stepsOf(events.slice(index));
}

describe('<ekyc-flow> under network faults', function () {
  this.timeout(60_000);
  useFastWaits();
  let events: Recorded[];
  beforeEach(() => {
    events = recordEvents();
  });

  it('shows the localised "service not available" text for a 500 that persists, never the server\'s technical words', async () => {
    const { emulator, apiBase } = await useEmulator();
    emulator.inject('http-500', { endpoint: 'ocr', side: 'back', times: 3 });
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), lang: 'vi' });
    await throughDocument(element);
    await waitForErrorScreen(element);
    expect(textOf(element, 'error')).to.contain(vi['error.server']);
    expect(textOf(element, 'error')).not.to.contain('HTTP');
    expect(flowErrors(events)).to.have.length(1);
    expect(flowErrors(events)[0]).to.deep.include({
      code: 'server',
      message: vi['error.server'],
      status: 500,
      recoverable: true,
      step: 'processing',
    });
  });

  it('resends the kept back photo, and only it, when the user retries after a 500', async () => {
    const { emulator, apiBase } = await useEmulator();
    emulator.inject('http-500', { endpoint: 'ocr', side: 'back', times: 3 });
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
    await throughDocument(element);
    await waitForErrorScreen(element);
    expect(requestCalls(emulator.requests)).to.deep.equal(['front', 'back', 'back', 'back']);
    expect(eventsNamed(events, 'ekyc-ocr').map((ocr) => ocr.side)).to.deep.equal(['front']);
    await click(element, 'retry-button');
    await waitForStep(element, 'selfie');
    expect(requestCalls(emulator.requests)).to.deep.equal(['front', 'back', 'back', 'back', 'back']);
    expect(new Set(sentSizes(emulator.requests, 'back'))).to.deep.equal(new Set([confirmedSize(events, 'back')]));
    expect(stepsAfterError(events)).to.deep.equal(['error', 'processing', 'selfie']);
  });

  it('retries a 502 gateway page by itself and goes on without telling the user anything', async () => {
    const { emulator, apiBase } = await useEmulator();
    emulator.inject('http-502', { endpoint: 'ocr', side: 'front' });
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
    await throughDocument(element);
    await waitForStep(element, 'selfie');
    expect(requestCalls(emulator.requests)).to.deep.equal(['front', 'front', 'back']);
    expect(sentSizes(emulator.requests, 'front')).to.deep.equal([confirmedSize(events, 'front'), confirmedSize(events, 'front')]);
    expect(flowErrors(events)).to.deep.equal([]);
    expect(stepsOf(events)).not.to.include('error');
  });

  it('shows "answered unexpectedly" with a retry for an HTML page instead of JSON, without resending by itself', async () => {
    const { emulator, apiBase } = await useEmulator();
    emulator.inject('html', { endpoint: 'ocr', side: 'back' });
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
    await throughDocument(element);
    await waitForErrorScreen(element);
    expect(textOf(element, 'error')).to.contain(en['error.bad-response']);
    expect(textOf(element, 'retry-button')).to.equal(en['action.retry']);
    expect(flowErrors(events)[0]).to.deep.include({
      code: 'bad-response',
      message: en['error.bad-response'],
      recoverable: true,
      step: 'processing',
    });
    expect(requestCalls(emulator.requests)).to.deep.equal(['front', 'back']);
    await click(element, 'retry-button');
    await waitForStep(element, 'selfie');
    expect(sentSizes(emulator.requests, 'back')).to.deep.equal([confirmedSize(events, 'back'), confirmedSize(events, 'back')]);
  });

  it('retries malformed JSON on the selfie without asking again for the accepted document', async () => {
    const { emulator, apiBase } = await useEmulator();
    emulator.inject('malformed-json', { endpoint: 'face' });
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
    await throughSelfie(element);
    await waitForErrorScreen(element);
    expect(flowErrors(events)[0]).to.deep.include({ code: 'bad-response', recoverable: true });
    expect(eventsNamed(events, 'ekyc-face')).to.deep.equal([]);
    await click(element, 'retry-button');
    await waitForStep(element, 'done');
    expect(requestCalls(emulator.requests)).to.deep.equal(['front', 'back', 'face', 'face']);
    expect(sentSizes(emulator.requests, 'face')).to.deep.equal([confirmedSize(events, 'selfie'), confirmedSize(events, 'selfie')]);
    expect(stepsAfterError(events)).to.deep.equal(['error', 'processing', 'done']);
    expect(eventsNamed(events, 'ekyc-capture')).to.have.length(3);
  });

  it('treats truncated JSON as an unexpected answer and keeps the front photo for the retry', async () => {
    const { emulator, apiBase } = await useEmulator();
    emulator.inject('truncated-json', { endpoint: 'ocr', side: 'front' });
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
    await throughDocument(element);
    await waitForErrorScreen(element);
    expect(flowErrors(events)[0]).to.deep.include({ code: 'bad-response', status: 200 });
    expect(eventsNamed(events, 'ekyc-ocr')).to.deep.equal([]);
    await click(element, 'retry-button');
    await waitForStep(element, 'selfie');
    expect(requestCalls(emulator.requests)).to.deep.equal(['front', 'front', 'back']);
    expect(sentSizes(emulator.requests, 'front')[1]).to.equal(confirmedSize(events, 'front'));
  });

  it('sends the user back to retake the back, with the server\'s message, for an unknown OCR errorCode; the front is not sent again', async () => {
    const { emulator, apiBase } = await useEmulator();
    emulator.inject('unknown-code', { endpoint: 'ocr', side: 'back' });
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
    await throughDocument(element);
    await waitUntil(() => element.step === 'document-back' && part(element, 'notice') !== null, 'back to the back', { timeout: 10_000 });
    expect(textOf(element, 'notice')).to.equal('Unknown error');
    expect(flowErrors(events)[0]).to.deep.include({
      code: 'document-rejected',
      apiCode: '999',
      step: 'document-back',
      recoverable: true,
    });
    await shootAndConfirm(element);
    await waitForStep(element, 'selfie');
    expect(requestCalls(emulator.requests)).to.deep.equal(['front', 'back', 'back']);
    expect(sentSizes(emulator.requests, 'back').at(-1)).to.equal(confirmedSize(events, 'back'));
  });

  it('sends the user back to the selfie, with the server\'s message, for an unknown face code; the document is not sent again', async () => {
    const { emulator, apiBase } = await useEmulator();
    emulator.inject('unknown-code', { endpoint: 'face' });
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
    await throughSelfie(element);
    await waitUntil(() => element.step === 'selfie' && part(element, 'notice') !== null, 'back to the selfie', { timeout: 10_000 });
    expect(textOf(element, 'notice')).to.equal('Unknown error');
    expect(flowErrors(events)[0]).to.deep.include({ code: 'face-rejected', apiCode: '999', step: 'selfie' });
    await shootAndConfirm(element);
    await waitForStep(element, 'done');
    expect(requestCalls(emulator.requests)).to.deep.equal(['front', 'back', 'face', 'face']);
  });

  it('answers a 403 on the selfie with an api-key by a silent new session that receives the same three photos', async () => {
    const { emulator, apiBase } = await useEmulator();
    emulator.inject('session-expired', { endpoint: 'face' });
    const element = await mountFlow({ apiBase, apiKey: 'demo-key' });
    await throughSelfie(element);
    await waitForStep(element, 'done');
    expect(requestCalls(emulator.requests)).to.deep.equal(['init', 'front', 'back', 'face', 'init', 'front', 'back', 'face']);
    const sessions = emulator.requests.map((request) => apiHeaders(request.headers)['session-id']);
    expect(sessions[5]).to.be.a('string').and.not.equal(sessions[1]);
    expect(sentSizes(emulator.requests, 'front')).to.deep.equal([confirmedSize(events, 'front'), confirmedSize(events, 'front')]);
    expect(sentSizes(emulator.requests, 'back')).to.deep.equal([confirmedSize(events, 'back'), confirmedSize(events, 'back')]);
    expect(sentSizes(emulator.requests, 'face')).to.deep.equal([confirmedSize(events, 'selfie'), confirmedSize(events, 'selfie')]);
    expect(flowErrors(events)).to.deep.equal([]);
    expect(eventsNamed(events, 'ekyc-start')).to.have.length(1);
  });

  it('reports a 403 on the selfie with a session-id as session-expired, then resends the kept photos to the new session-id', async () => {
    const { emulator, apiBase } = await useEmulator();
    emulator.inject('session-expired', { endpoint: 'face' });
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
    await throughSelfie(element);
    await waitForStep(element, 'error');
    expect(flowErrors(events)[0]).to.deep.include({ code: 'session-expired', status: 403, recoverable: true, step: 'processing' });
    const fresh = emulator.createSession();
    element.sessionId = fresh;
    await waitForStep(element, 'done');
    expect(requestCalls(emulator.requests)).to.deep.equal(['front', 'back', 'face', 'front', 'back', 'face']);
    expect(emulator.requests.slice(3).map((request) => apiHeaders(request.headers)['session-id'])).to.deep.equal([fresh, fresh, fresh]);
    expect(sentSizes(emulator.requests, 'face')[1]).to.equal(confirmedSize(events, 'selfie'));
    expect(eventsNamed(events, 'ekyc-capture')).to.have.length(3);
  });

  it('shows "too slow" with a retry when /session/init never answers, and the retry creates the session', async () => {
    const { emulator, apiBase } = await useEmulator();
    emulator.inject('timeout', { endpoint: 'init', times: 3 });
    const element = await mountFlow({ apiBase, apiKey: 'demo-key', requestTimeout: 300 });
    await click(element, 'start-button');
    await waitForErrorScreen(element);
    expect(textOf(element, 'error')).to.contain(en['error.timeout']);
    expect(flowErrors(events)[0]).to.deep.include({ code: 'timeout', recoverable: true });
    expect(eventsNamed(events, 'ekyc-start')).to.deep.equal([]);
    element.requestTimeout = 10_000;
    await click(element, 'retry-button');
    await waitForStep(element, 'document-front');
    expect(requestCalls(emulator.requests)).to.deep.equal(['init', 'init', 'init', 'init']);
    expect(eventsNamed(events, 'ekyc-start')).to.have.length(1);
  });
});

describe('<ekyc-flow> and quick double clicks', () => {
  it('creates one session when Start is clicked twice quickly', async () => {
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, apiKey: 'demo-key' });
    const start = part(element, 'start-button');
    start?.click();
    start?.click();
    await waitForStep(element, 'document-front');
    await element.updateComplete;
    expect(requestCalls(emulator.requests)).to.deep.equal(['init']);
  });

  it('takes one photo when Take photo is clicked twice quickly', async () => {
    const events = recordEvents();
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
    await click(element, 'start-button');
    await click(element, 'capture-button');
    part(element, 'capture-button')?.click();
    await click(element, 'confirm-button');
    await waitForStep(element, 'document-back');
    await element.updateComplete;
    expect(part(element, 'confirm-button'), 'no second photo waits for review').to.equal(null);
    expect(eventsNamed(events, 'ekyc-capture')).to.have.length(1);
  });

  it('sends the back once when Use this photo is clicked twice quickly', async () => {
    const events = recordEvents();
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
    await click(element, 'start-button');
    await shootAndConfirm(element);
    await waitForStep(element, 'document-back');
    await click(element, 'capture-button');
    await waitUntil(() => part(element, 'confirm-button') !== null, 'the review', { timeout: 10_000 });
    const confirm = part(element, 'confirm-button');
    confirm?.click();
    confirm?.click();
    await waitForStep(element, 'selfie');
    expect(requestCalls(emulator.requests)).to.deep.equal(['front', 'back']);
    expect(eventsNamed(events, 'ekyc-capture').map((capture) => capture.side)).to.deep.equal(['front', 'back']);
  });
});
