import { expect } from '@open-wc/testing';
import { useEmulator } from '../helpers/emulator.js';
import { click, mountFlow, part } from '../helpers/flow.js';
import { waitUntil } from '../helpers/wait.js';

/**
 * What iOS Safari asks of a video before it plays it without a tap, inline: muted (as a property,
 * not only an attribute), `playsinline`, `autoplay`. WebKit here runs with the same autoplay rule.
 */
describe('<ekyc-flow> camera preview', () => {
  it('is a muted, inline, autoplaying video that plays by itself and shows the camera', async () => {
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), manualCapture: true });
    await click(element, 'start-button');
    await waitUntil(() => (part(element, 'video') as HTMLVideoElement | null)?.videoWidth, 'a preview frame');
    const video = part(element, 'video') as HTMLVideoElement;
    // `playsinline` as the attribute iOS reads: Firefox has no `playsInline` property.
    expect({ muted: video.muted, playsinline: video.hasAttribute('playsinline'), autoplay: video.autoplay }).to.deep.equal({
      muted: true,
      playsinline: true,
      autoplay: true,
    });
    await waitUntil(() => !video.paused && video.readyState >= 2, 'the preview playing');
    const before = video.currentTime;
    await waitUntil(() => video.currentTime > before, 'the preview moving on');
  });
});
