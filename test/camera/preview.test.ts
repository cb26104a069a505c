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

/**
 * WebKitGTK's page stops answering for good when the tracks a `<video>` still plays are stopped (its video
 * sink and the page's thread wait on each other). Each stop of the camera takes the stream out of the
 * preview first: when a step ends, when the element leaves the page.
 */
describe('<ekyc-flow> camera preview, when the camera stops', () => {
  function watchStops(): { stops: (MediaStream | null)[]; previews: HTMLVideoElement[]; restore(): void } {
    const stops: (MediaStream | null)[] = [];
    const previews: HTMLVideoElement[] = [];
    const prototype = MediaStreamTrack.prototype;
    const original = Object.getOwnPropertyDescriptor(prototype, 'stop')!;
    Object.defineProperty(prototype, 'stop', {
      ...original,
      value: function stop(this: MediaStreamTrack) {
        // What each preview showed at the moment a track stopped.
        for (const video of previews) stops.push(video.srcObject as MediaStream | null);
        (original.value as (this: MediaStreamTrack) => void).call(this);
      },
    });
    return { stops, previews, restore: () => Object.defineProperty(prototype, 'stop', original) };
  }

  it('takes the stream out of the preview before stopping its tracks, at the end of a step and on removal', async () => {
    const { emulator, apiBase } = await useEmulator();
    const watch = watchStops();
    try {
      const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), manualCapture: true });
      await click(element, 'start-button');
      await waitUntil(() => (part(element, 'video') as HTMLVideoElement | null)?.videoWidth, 'a preview frame');
      watch.previews.push(part(element, 'video') as HTMLVideoElement);
      await click(element, 'capture-button');
      await waitUntil(() => part(element, 'confirm-button') !== null, 'the review');
      expect(watch.stops.length, 'tracks stopped when the step ended').to.be.greaterThan(0);
      expect(watch.stops.every((shown) => shown === null), 'the preview empty as each track stopped').to.equal(true);
      await click(element, 'confirm-button');
      await waitUntil(() => element.step === 'document-back' && (part(element, 'video') as HTMLVideoElement | null)?.videoWidth, 'the back preview');
      watch.previews.splice(0, 1, part(element, 'video') as HTMLVideoElement);
      watch.stops.length = 0;
      element.remove();
      expect(watch.stops.length, 'tracks stopped on removal').to.be.greaterThan(0);
      expect(watch.stops.every((shown) => shown === null), 'the preview empty as each track stopped').to.equal(true);
    } finally {
      watch.restore();
    }
  });
});
