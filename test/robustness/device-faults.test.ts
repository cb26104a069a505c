import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import type { EkycFlow } from '../../src/index.js';
import { en } from '../../src/i18n/en.js';
import { requestCalls, sentSizes, useEmulator } from '../helpers/emulator.js';
import {
  chooseFile,
  failCamera,
  fakeVisibility,
  nextTask,
  photoFile,
  watchFetch,
  watchPageErrors,
} from '../helpers/devices.js';
import {
  click,
  eventsNamed,
  liveTracks,
  mountFlow,
  part,
  recordEvents,
  shootAndConfirm,
  trackStreams,
  waitForStep,
  type Recorded,
} from '../helpers/flow.js';
import { confirmedSize, textOf, throughDocument } from '../helpers/journey.js';

/** Uploads a photo on the current capture step and confirms it. */
async function uploadAndConfirm(element: EkycFlow, name: string): Promise<void> {
  await chooseFile(element, await photoFile(name));
  await click(element, 'confirm-button');
}

const cameraErrors = (events: Recorded[]): string[] =>
  eventsNamed(events, 'ekyc-error').map((error) => error.code).filter((code) => code.startsWith('camera-'));

describe('<ekyc-flow> when the camera cannot be used', function () {
  this.timeout(60_000);

  for (const [name, code, canRetry] of [
    ['NotAllowedError', 'camera-denied', true],
    ['NotFoundError', 'camera-unavailable', false],
    ['NotReadableError', 'camera-busy', true],
  ] as const) {
    it(`reports ${name} as ${code} and completes the whole check with uploaded photos`, async () => {
      const camera = failCamera(name);
      try {
        const events = recordEvents();
        const { emulator, apiBase } = await useEmulator();
        const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), allowUpload: true });
        await click(element, 'start-button');
        await waitUntil(() => cameraErrors(events).length > 0, 'a camera error', { timeout: 10_000 });
        expect(eventsNamed(events, 'ekyc-error')[0]).to.deep.include({
          code,
          message: en[`error.${code}`],
          step: 'document-front',
          recoverable: true,
        });
        expect(element.shadowRoot?.querySelector('[role=alert]')?.textContent).to.equal(en[`error.${code}`]);
        expect(part(element, 'retry-button') !== null, 'a "try the camera again" button').to.equal(canRetry);
        expect(part(element, 'capture-button')).to.equal(null);

        await uploadAndConfirm(element, 'front.jpg');
        await waitForStep(element, 'document-back');
        await uploadAndConfirm(element, 'back.jpg');
        await waitForStep(element, 'selfie', 15_000);
        await uploadAndConfirm(element, 'selfie.jpg');
        await waitForStep(element, 'done', 15_000);

        expect(requestCalls(emulator.requests)).to.deep.equal(['front', 'back', 'face']);
        expect(eventsNamed(events, 'ekyc-capture').map((capture) => capture.source)).to.deep.equal(['upload', 'upload', 'upload']);
        expect(sentSizes(emulator.requests, 'front')).to.deep.equal([confirmedSize(events, 'front')]);
        expect(sentSizes(emulator.requests, 'face')).to.deep.equal([confirmedSize(events, 'selfie')]);
        expect(new Set(cameraErrors(events))).to.deep.equal(new Set([code]));
        expect(eventsNamed(events, 'ekyc-complete')).to.have.length(1);
      } finally {
        camera.restore();
      }
    });
  }
});

describe('<ekyc-flow> when the camera goes away mid-step', function () {
  this.timeout(60_000);
  let tracking: ReturnType<typeof trackStreams>;
  beforeEach(() => {
    tracking = trackStreams();
  });
  afterEach(() => {
    tracking.restore();
  });

  it('reports camera-lost when the track ends, and "Try the camera again" brings a live preview back', async () => {
    const events = recordEvents();
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
    await click(element, 'start-button');
    await waitUntil(() => (part(element, 'capture-button') as HTMLButtonElement | null)?.disabled === false, 'a live preview', { timeout: 10_000 });
    const [track] = liveTracks(tracking.streams);
    track!.dispatchEvent(new Event('ended'));
    await waitUntil(() => eventsNamed(events, 'ekyc-error').length > 0, 'camera-lost');
    expect(eventsNamed(events, 'ekyc-error')[0]).to.deep.include({ code: 'camera-lost', step: 'document-front', recoverable: true });
    await element.updateComplete;
    expect(element.shadowRoot?.querySelector('[role=alert]')?.textContent).to.equal(en['error.camera-lost']);
    expect(textOf(element, 'retry-button')).to.equal(en['action.retry-camera']);
    expect(liveTracks(tracking.streams)).to.deep.equal([]);

    await click(element, 'retry-button');
    await waitUntil(() => (part(element, 'capture-button') as HTMLButtonElement | null)?.disabled === false, 'the preview back', { timeout: 10_000 });
    expect(liveTracks(tracking.streams)).to.have.length(1);
    expect(liveTracks(tracking.streams)[0]).not.to.equal(track);
    await shootAndConfirm(element);
    await waitForStep(element, 'document-back');
  });

  it('stops every track while the page is hidden, and opens a new live one when it is shown again', async () => {
    const visibility = fakeVisibility();
    try {
      const { emulator, apiBase } = await useEmulator();
      const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
      await click(element, 'start-button');
      await waitUntil(() => liveTracks(tracking.streams).length === 1, 'a live camera', { timeout: 10_000 });
      const before = tracking.streams.length;
      visibility.set('hidden');
      expect(liveTracks(tracking.streams)).to.deep.equal([]);
      visibility.set('visible');
      await waitUntil(() => liveTracks(tracking.streams).length === 1, 'the camera back', { timeout: 10_000 });
      expect(tracking.streams.length).to.be.greaterThan(before);
      await click(element, 'capture-button');
      await waitUntil(() => part(element, 'confirm-button') !== null, 'the review', { timeout: 10_000 });
    } finally {
      visibility.restore();
    }
  });
});

describe('<ekyc-flow> removed from the page and put back (a route change)', function () {
  this.timeout(60_000);

  it('aborts the request in flight and fires no event once removed', async () => {
    const { emulator, apiBase } = await useEmulator();
    emulator.inject('timeout', { endpoint: 'ocr', side: 'back' });
    const fetches = watchFetch(apiBase);
    const pageErrors = watchPageErrors();
    try {
      const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), requestTimeout: 30_000 });
      await throughDocument(element);
      await waitUntil(() => requestCalls(emulator.requests).includes('back'), 'the back on its way', { timeout: 10_000 });
      const seen = recordEvents(element);
      const parent = element.parentNode!;
      element.remove();
      const back = fetches.requests.at(-1)!;
      expect(back.signal?.aborted).to.equal(true);
      await back.settled;
      await nextTask();
      expect(seen).to.deep.equal([]);
      expect(pageErrors.errors).to.deep.equal([]);
      expect(parent.contains(element)).to.equal(false);
    } finally {
      fetches.restore();
      pageErrors.restore();
    }
  });

  it('sends the interrupted request again and goes on when put back', async () => {
    const events = recordEvents();
    const { emulator, apiBase } = await useEmulator();
    emulator.inject('timeout', { endpoint: 'ocr', side: 'back' });
    const pageErrors = watchPageErrors();
    try {
      const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), requestTimeout: 30_000 });
      await throughDocument(element);
      await waitUntil(() => requestCalls(emulator.requests).includes('back'), 'the back on its way', { timeout: 10_000 });
      const parent = element.parentNode!;
      element.remove();
      await nextTask();
      parent.appendChild(element);
      await waitForStep(element, 'selfie');
      expect(requestCalls(emulator.requests)).to.deep.equal(['front', 'back', 'back']);
      expect(sentSizes(emulator.requests, 'back')[1]).to.equal(confirmedSize(events, 'back'));
      expect(eventsNamed(events, 'ekyc-ocr').map((ocr) => ocr.side)).to.deep.equal(['front', 'back']);
      expect(pageErrors.errors).to.deep.equal([]);
    } finally {
      pageErrors.restore();
    }
  });

  it('stops the camera when removed on a capture step, and opens it again when put back', async () => {
    const tracking = trackStreams();
    try {
      const { emulator, apiBase } = await useEmulator();
      const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
      await click(element, 'start-button');
      await waitUntil(() => liveTracks(tracking.streams).length === 1, 'a live camera', { timeout: 10_000 });
      const parent = element.parentNode!;
      element.remove();
      expect(liveTracks(tracking.streams)).to.deep.equal([]);
      await element.updateComplete;
      await nextTask();
      parent.appendChild(element);
      expect(element.step).to.equal('document-front');
      await waitUntil(() => liveTracks(tracking.streams).length === 1, 'the camera back', { timeout: 10_000 });
      await shootAndConfirm(element);
      await waitForStep(element, 'document-back');
    } finally {
      tracking.restore();
    }
  });
});
