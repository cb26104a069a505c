import { expect } from '@open-wc/testing';
import type { EkycFlow } from '../../src/index.js';
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

/** What the polite live region says now. */
const spoken = (element: EkycFlow): string => element.shadowRoot?.querySelector('[role="status"][aria-live="polite"]')?.textContent.trim() ?? '';

/** A passport flow up to its selfie, the face model held back: the capture button usable, taking the photo by hand. */
async function selfieWithDetectorHeld(options: { lang: 'en' | 'vi'; manualCapture: boolean }) {
  const events = recordEvents();
  const { emulator, apiBase } = await useEmulator();
  const assets = slowFaceAssets();
  const element = await mountFlow({
    apiBase,
    sessionId: emulator.createSession(),
    documentType: 'passport',
    assetsBase: assets.assetsBase,
    ...options,
  });
  try {
    await click(element, 'start-button');
    await shootAndConfirm(element);
    await waitForStep(element, 'selfie');
    await waitUntil(() => (part(element, 'capture-button') as HTMLButtonElement | null)?.disabled === false, 'the capture button enabled', {
      timeout: 30_000,
    });
  } catch (error) {
    await assets.release();
    throw error;
  }
  return { element, events, assets };
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
    // The model is still held back: the selfie can only be taken by hand, and it can be.
    const { element, events, assets } = await selfieWithDetectorHeld({ lang: 'en', manualCapture: false });
    try {
      // Meanwhile the selfie says that its guidance is on the way, on screen and to assistive technology.
      expect(part(element, 'hint')?.textContent.trim()).to.equal('Getting face guidance ready…');
      await waitUntil(() => spoken(element) === 'Getting face guidance ready…', 'the live region saying the guidance is on its way', { timeout: 10_000 });
      expect(part(element, 'confirm-button')).to.equal(null);
      // Held past the time the step waits for it: the element says the selfie is by hand for now.
      await waitUntil(() => eventsNamed(events, 'ekyc-error').some((error) => error.code === 'detector-unavailable'), 'detector-unavailable', {
        timeout: 60_000,
      });
      expect(part(element, 'hint')?.textContent.trim()).to.equal('Take the photo when your face fills the oval');
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

describe('<ekyc-flow> selfie in Vietnamese with a face detector still on its way', function () {
  this.timeout(90_000);

  it('says so in Vietnamese, on screen and in the live region, with the capture button usable', async () => {
    const { element, assets } = await selfieWithDetectorHeld({ lang: 'vi', manualCapture: true });
    try {
      expect(part(element, 'hint')?.textContent.trim()).to.equal('Đang chuẩn bị hướng dẫn khuôn mặt…');
      await waitUntil(() => spoken(element) === 'Đang chuẩn bị hướng dẫn khuôn mặt…', 'the live region saying the guidance is on its way', { timeout: 10_000 });
    } finally {
      await assets.release();
    }
  });
});
