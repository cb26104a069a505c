import { expect, waitUntil } from '@open-wc/testing';
import { useEmulator } from '../helpers/emulator.js';
import { click, mountFlow, waitForStep } from '../helpers/flow.js';

/** Counts the page's fetches of the capture steps' script from now on (an observer: the timing buffer may be full). */
function watchCaptureScript(): { loads: () => number; stop: () => void } {
  let loads = 0;
  const observer = new PerformanceObserver((list) => {
    loads += list.getEntries().filter(({ name }) => new URL(name).pathname.includes('/capture/capture-controller')).length;
  });
  observer.observe({ type: 'resource' });
  return { loads: () => loads, stop: () => observer.disconnect() };
}

describe('<ekyc-flow> capture script', function () {
  this.timeout(30_000);

  it('is fetched while the intro waits, with no camera asked for, and serves the start', async () => {
    const script = watchCaptureScript();
    const media = navigator.mediaDevices;
    const getUserMedia = media.getUserMedia.bind(media);
    let cameraAsked = 0;
    media.getUserMedia = (constraints) => {
      cameraAsked += 1;
      return getUserMedia(constraints);
    };
    try {
      const { emulator, apiBase } = await useEmulator();
      const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
      await waitUntil(() => script.loads() > 0, 'the capture script fetched at the intro', { timeout: 10_000 });
      expect(element.step).to.equal('intro');
      expect(cameraAsked).to.equal(0);
      await click(element, 'start-button');
      await waitForStep(element, 'document-front');
      await waitUntil(() => cameraAsked > 0, 'the camera asked for once started', { timeout: 10_000 });
      expect(script.loads()).to.equal(1);
    } finally {
      media.getUserMedia = getUserMedia;
      script.stop();
    }
  });
});
