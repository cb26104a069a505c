import { expect } from '@open-wc/testing';
import type { EkycFlow } from '../../src/index.js';
import { watchPageErrors } from '../helpers/devices.js';
import { analysisWorkers, faceWorkers, replaceMethod, spyWorkers } from '../helpers/element.js';
import { useEmulator } from '../helpers/emulator.js';
import { click, eventsNamed, mountFlow, part, recordEvents, shootAndConfirm, waitForStep } from '../helpers/flow.js';
import { waitUntil } from '../helpers/wait.js';
import { workersHaveWebgl } from '../helpers/webgl.js';
import { setWaits } from '../../src/platform/waits.js';

const NO_FACE = 'Put your face in the oval';
const MANUAL_SELFIE = 'Take the photo when your face fills the oval';
const MANUAL_DOCUMENT = 'Take the photo when the card fills the frame';
const hint = (element: EkycFlow): string => part(element, 'hint')?.textContent.trim() ?? '';

/** A passport check up to the selfie step, with the face detector running on the fake camera (no face in it). */
async function atSelfie(element: EkycFlow): Promise<void> {
  await click(element, 'start-button');
  await waitForStep(element, 'document-front');
  await shootAndConfirm(element);
  await waitForStep(element, 'selfie');
}

describe('<ekyc-flow> guidance that fails', function () {
  this.timeout(90_000);
  // A removed element's detector is let go at once, so each test starts with the workers it makes itself.
  let restoreWaits = (): void => undefined;
  before(() => {
    restoreWaits = setWaits({ detectorReuseMs: 0 });
  });
  after(() => restoreWaits());

  it('keeps guiding the selfie of one element when another element on the page is removed', async () => {
    const { emulator, apiBase } = await useEmulator();
    const leaving = await mountFlow({ apiBase, sessionId: emulator.createSession(), documentType: 'passport' });
    const staying = await mountFlow({ apiBase, sessionId: emulator.createSession(), documentType: 'passport' });
    leaving.start();
    await waitForStep(leaving, 'document-front');
    await atSelfie(staying);
    await waitUntil(() => hint(staying) === NO_FACE, 'the selfie guided', { timeout: 40_000 });
    leaving.remove();
    await click(staying, 'capture-button');
    // Every hint shown from the retake on: the first one can last less than a poll.
    const shown: string[] = [];
    const observer = new MutationObserver(() => {
      if (shown.at(-1) !== hint(staying)) shown.push(hint(staying));
    });
    observer.observe(staying.shadowRoot!, { subtree: true, childList: true, characterData: true });
    try {
      await click(staying, 'retake-button');
      await waitUntil(() => shown.includes(MANUAL_SELFIE), 'the guidance restarted');
      await waitUntil(() => hint(staying) === NO_FACE, 'the selfie still guided', { timeout: 20_000 });
    } finally {
      observer.disconnect();
    }
  });

  it('restarts a face worker that died, once; when it dies again, the selfie is taken by hand and ekyc-error says so', async function () {
    if (!(await workersHaveWebgl())) {
      // No worker of this engine can run the detector (no WebGL there): it runs on the page, tested below.
      this.skip();
    }
    const workers = spyWorkers();
    try {
      const events = recordEvents();
      const { emulator, apiBase } = await useEmulator();
      const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), documentType: 'passport' });
      await atSelfie(element);
      await waitUntil(() => hint(element) === NO_FACE, 'the selfie guided', { timeout: 40_000 });
      expect(faceWorkers(workers.spawned)).to.have.length(1);
      faceWorkers(workers.spawned)[0]!.worker.dispatchEvent(new ErrorEvent('error', { message: 'crashed' }));
      await waitUntil(() => faceWorkers(workers.spawned).length === 2, 'a second face worker', { timeout: 20_000 });
      await waitUntil(() => hint(element) === NO_FACE, 'the selfie guided again', { timeout: 40_000 });
      expect(eventsNamed(events, 'ekyc-error')).to.deep.equal([]);
      faceWorkers(workers.spawned)[1]!.worker.dispatchEvent(new ErrorEvent('error', { message: 'crashed again' }));
      await waitUntil(() => eventsNamed(events, 'ekyc-error').length > 0, 'ekyc-error');
      expect(eventsNamed(events, 'ekyc-error')[0]).to.deep.include({ code: 'detector-unavailable', step: 'selfie', recoverable: true });
      await waitUntil(() => hint(element) === MANUAL_SELFIE, 'the manual hint');
      expect(faceWorkers(workers.spawned)).to.have.length(2);
      await shootAndConfirm(element);
      await waitForStep(element, 'done');
    } finally {
      workers.restore();
    }
  });

  it('guides the selfie with the detector on the page, with no worker to die and no ekyc-error, where workers have no WebGL', async function () {
    if (await workersHaveWebgl()) {
      // This engine runs the detector in a worker: its crash and restart are tested above.
      this.skip();
    }
    const events = recordEvents();
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), documentType: 'passport' });
    await atSelfie(element);
    await waitUntil(() => hint(element) === NO_FACE, 'the selfie guided', { timeout: 40_000 });
    expect(eventsNamed(events, 'ekyc-error')).to.deep.equal([]);
  });

  it('falls back to a manual photo with ekyc-error analysis-unavailable when every frame fails to be measured', async () => {
    const events = recordEvents();
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
    const canvases = replaceMethod(OffscreenCanvas.prototype, 'getContext', () => null);
    // Without VideoFrame, the page copies each frame's region itself, on its (broken) canvases.
    const videoFrames = replaceMethod(globalThis as { VideoFrame?: unknown }, 'VideoFrame', undefined);
    try {
      await click(element, 'start-button');
      await waitUntil(() => eventsNamed(events, 'ekyc-error').length > 0, 'ekyc-error', { timeout: 20_000 });
    } finally {
      videoFrames.restore();
      canvases.restore();
    }
    expect(eventsNamed(events, 'ekyc-error')[0]).to.deep.include({ code: 'analysis-unavailable', step: 'document-front', recoverable: true });
    expect(hint(element)).to.equal(MANUAL_DOCUMENT);
    await shootAndConfirm(element);
    await waitForStep(element, 'document-back');
  });

  it('reports a photo that cannot be encoded as ekyc-error capture-failed, with no unhandled rejection, and lets the user try again', async () => {
    const events = recordEvents();
    const pageErrors = watchPageErrors();
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), manualCapture: true });
    await click(element, 'start-button');
    const encoder = replaceMethod(OffscreenCanvas.prototype, 'convertToBlob', () => Promise.reject(new DOMException('out of memory', 'EncodingError')));
    // The encoding worker cannot take the photo either: it is encoded on the page, which fails.
    const send = Object.getOwnPropertyDescriptor(Worker.prototype, 'postMessage')?.value as (...args: unknown[]) => void;
    const toWorkers = replaceMethod(Worker.prototype, 'postMessage', function (this: Worker, message: unknown, transfer: Transferable[] = []) {
      if (typeof message === 'object' && message !== null && 'options' in message) throw new DOMException('out of memory', 'DataCloneError');
      Reflect.apply(send, this, [message, transfer]);
    } as Worker['postMessage']);
    try {
      await click(element, 'capture-button');
      await waitUntil(() => eventsNamed(events, 'ekyc-error').length > 0, 'ekyc-error');
      expect(eventsNamed(events, 'ekyc-error')[0]).to.deep.include({ code: 'capture-failed', step: 'document-front', recoverable: true });
      expect(part(element, 'notice')?.textContent).to.contain('could not be taken');
      encoder.restore();
      toWorkers.restore();
      await shootAndConfirm(element);
      await waitForStep(element, 'document-back');
      expect(pageErrors.errors).to.deep.equal([]);
    } finally {
      encoder.restore();
      toWorkers.restore();
      pageErrors.restore();
    }
  });

  it('measures documents in one worker however often the guidance starts over', async () => {
    const workers = spyWorkers();
    try {
      const { emulator, apiBase } = await useEmulator();
      const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), manualCapture: true });
      await click(element, 'start-button');
      for (let round = 0; round < 3; round++) {
        await waitUntil(() => ![MANUAL_DOCUMENT, 'Starting the camera…', ''].includes(hint(element)), 'a measured frame', { timeout: 20_000 });
        await click(element, 'capture-button');
        await click(element, 'retake-button');
      }
      await waitUntil(() => ![MANUAL_DOCUMENT, 'Starting the camera…', ''].includes(hint(element)), 'a measured frame', { timeout: 20_000 });
      expect(analysisWorkers(workers.spawned)).to.have.length(1);
    } finally {
      workers.restore();
    }
  });
});
