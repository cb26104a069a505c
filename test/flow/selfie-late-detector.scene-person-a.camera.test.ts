import { expect } from '@open-wc/testing';
import { useEmulator } from '../helpers/emulator.js';
import { click, eventsNamed, mountFlow, part, recordEvents, shootAndConfirm, waitForStep } from '../helpers/flow.js';
import { waitUntil } from '../helpers/wait.js';
import { setWaits } from '../../src/platform/waits.js';

/** A folder of the face detector's files whose model the test server holds back until `release()` (see web-test-runner.config.js). */
function slowFaceAssets(): { assetsBase: string; release: () => Promise<void> } {
  const folder = `/slow-face-assets/${crypto.randomUUID()}/`;
  return {
    assetsBase: folder,
    release: async () => {
      await fetch(`${folder}release`);
    },
  };
}

describe('<ekyc-flow> selfie with a face detector that arrives late', function () {
  this.timeout(150_000);
  // The step gives up on the detector after 3 s here, not the real 20 s: what follows is the same.
  let restore = (): void => undefined;
  before(() => {
    restore = setWaits({ detectorWaitMs: 3000 });
  });
  after(() => restore());

  it('offers the capture button at once, and takes the selfie by itself once the detector arrives, even after giving up waiting for it', async () => {
    const events = recordEvents();
    const { emulator, apiBase } = await useEmulator();
    const assets = slowFaceAssets();
    const element = await mountFlow({
      apiBase,
      sessionId: emulator.createSession(),
      documentType: 'passport',
      manualCapture: false,
      assetsBase: assets.assetsBase,
    });
    try {
      await click(element, 'start-button');
      await shootAndConfirm(element);
      await waitForStep(element, 'selfie');
      // The model is still held back: the selfie can only be taken by hand, and it can be.
      await waitUntil(() => (part(element, 'capture-button') as HTMLButtonElement | null)?.disabled === false, 'the capture button enabled', {
        timeout: 30_000,
      });
      expect(part(element, 'hint')?.textContent.trim()).to.equal('Take the photo when your face fills the oval');
      expect(part(element, 'confirm-button')).to.equal(null);
      // Held past the time the step waits for it: the element says the selfie is by hand for now.
      await waitUntil(() => eventsNamed(events, 'ekyc-error').some((error) => error.code === 'detector-unavailable'), 'detector-unavailable', {
        timeout: 60_000,
      });
      expect(part(element, 'confirm-button')).to.equal(null);
      expect((part(element, 'capture-button') as HTMLButtonElement | null)?.disabled).to.equal(false);
    } finally {
      await assets.release();
    }
    await waitUntil(() => part(element, 'confirm-button') !== null, 'the selfie taken automatically once the detector is ready', {
      timeout: 60_000,
    });
    await click(element, 'confirm-button');
    await waitForStep(element, 'done');
    const selfie = eventsNamed(events, 'ekyc-capture').find((capture) => capture.side === 'selfie');
    expect(selfie?.auto).to.equal(true);
  });
});
