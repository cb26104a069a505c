import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { translate } from '../../src/i18n/localize.js';
import { apiHeaders, requestCalls, useEmulator } from '../helpers/emulator.js';
import { watchFetch } from '../helpers/devices.js';
import { click, eventsNamed, mountFlow, part, recordEvents, shootAndConfirm, waitForStep, flowErrors } from '../helpers/flow.js';
import { textOf, throughDocument } from '../helpers/journey.js';

describe('<ekyc-flow> attributes changed mid-flow', function () {
  this.timeout(60_000);

  it('switches the capture screen\'s text live when lang changes', async () => {
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), lang: 'en' });
    await click(element, 'start-button');
    await waitForStep(element, 'document-front');
    expect(textOf(element, 'heading')).to.equal(translate('en', 'step.document-front.title', undefined, { document: 'identity card' }));
    element.lang = 'vi';
    await element.updateComplete;
    expect(textOf(element, 'heading')).to.equal(
      translate('vi', 'step.document-front.title', undefined, { document: translate('vi', 'document.idr') }),
    );
    expect(textOf(element, 'capture-button')).to.equal(translate('vi', 'action.capture'));
    expect(element.shadowRoot?.querySelector('[part="container"]')?.getAttribute('lang')).to.equal('vi');
  });

  it('asks the API for messages in the new lang from the next request on', async () => {
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), lang: 'en' });
    await throughDocument(element);
    await waitForStep(element, 'selfie');
    element.lang = 'vi';
    await shootAndConfirm(element);
    await waitForStep(element, 'done');
    expect(emulator.requests.map((request) => apiHeaders(request.headers)['lang'])).to.deep.equal(['en', 'en', 'vi']);
  });

  it('starts the document steps over for the new type when document-type changes on the back step', async () => {
    const events = recordEvents();
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
    await click(element, 'start-button');
    await shootAndConfirm(element);
    await waitForStep(element, 'document-back');
    element.documentType = 'passport';
    await waitForStep(element, 'document-front');
    await element.updateComplete;
    expect(textOf(element, 'heading')).to.equal(translate('en', 'step.document-front.title.passport'));
    expect(eventsNamed(events, 'ekyc-step').at(-1)).to.deep.equal({ step: 'document-front', previousStep: 'document-back' });
    await shootAndConfirm(element);
    await waitForStep(element, 'selfie');
    const passport = emulator.requests.at(-1)!;
    expect(apiHeaders(passport.headers)).to.include({ 'document-type': 'passport' });
    expect(apiHeaders(passport.headers)).not.to.have.property('side-type');
    expect(requestCalls(emulator.requests)).to.deep.equal(['ocr']);
  });

  it('abandons the request in flight when document-type changes while the document is being read', async () => {
    const { emulator, apiBase } = await useEmulator();
    emulator.inject('timeout', { endpoint: 'ocr', side: 'back' });
    const fetches = watchFetch(apiBase);
    try {
      const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), requestTimeout: 30_000 });
      await throughDocument(element);
      await waitUntil(() => requestCalls(emulator.requests).includes('back'), 'the back on its way', { timeout: 10_000 });
      element.documentType = 'dlr';
      await waitForStep(element, 'document-front');
      expect(fetches.requests.at(-1)?.signal?.aborted).to.equal(true);
      await shootAndConfirm(element);
      await waitForStep(element, 'document-back');
      await shootAndConfirm(element);
      await waitForStep(element, 'selfie');
      expect(emulator.requests.map((request) => apiHeaders(request.headers)['document-type'])).to.deep.equal(['idr', 'idr', 'dlr', 'dlr']);
      expect(part(element, 'notice')).to.equal(null);
    } finally {
      fetches.restore();
    }
  });
});

describe('<ekyc-flow> given a new session-id mid-flow', function () {
  this.timeout(60_000);

  it('sends the kept photos to a session-id set while the document is being read, asking for nothing again', async () => {
    const events = recordEvents();
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
    emulator.latencyMs = 1500;
    try {
      await throughDocument(element);
      await waitUntil(() => requestCalls(emulator.requests).includes('front'), 'the front on its way', { timeout: 10_000 });
      const fresh = emulator.createSession();
      element.sessionId = fresh;
      emulator.latencyMs = 0;
      await waitForStep(element, 'selfie', 15_000);
      const renewed = emulator.requests.filter((request) => apiHeaders(request.headers)['session-id'] === fresh);
      expect(requestCalls(renewed)).to.deep.equal(['front', 'back']);
      expect(flowErrors(events)).to.deep.equal([]);
      expect(eventsNamed(events, 'ekyc-capture')).to.have.length(2);
    } finally {
      emulator.latencyMs = 0;
    }
  });
});

describe('<ekyc-flow> request-timeout', function () {
  this.timeout(60_000);

  for (const value of ['', 'soon', '-1']) {
    it(`keeps the default time limit when request-timeout is "${value}"`, async () => {
      const events = recordEvents();
      const { emulator, apiBase } = await useEmulator();
      const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
      element.setAttribute('request-timeout', value);
      await throughDocument(element);
      await waitForStep(element, 'selfie');
      expect(requestCalls(emulator.requests)).to.deep.equal(['front', 'back']);
      expect(flowErrors(events)).to.deep.equal([]);
    });
  }
});
