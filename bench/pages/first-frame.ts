// Time from `start()` to the first camera frame on screen, with the element from the built bundle.
import { mountFlow } from './element.js';

/**
 * One measurement a page load (the runner repeats it): milliseconds from `start()` until
 * `getUserMedia` answered, and until the preview presented its first frame.
 */
export async function run(): Promise<Record<string, number>> {
  // The session is never used: the camera opens before any request.
  const flow = await mountFlow({ apiBase: 'https://ekyc-emulator.invalid', sessionId: 'bench-session' });
  const root = flow.shadowRoot;
  if (!root) throw new Error('The element has no shadow root.');
  const mediaDevices = navigator.mediaDevices;
  const getUserMedia = mediaDevices.getUserMedia.bind(mediaDevices);
  let cameraOpen = Number.NaN;
  mediaDevices.getUserMedia = async (constraints) => {
    const stream = await getUserMedia(constraints);
    cameraOpen = performance.now();
    return stream;
  };
  // Watch for the video as soon as it is rendered, so that no frame is presented unseen.
  const firstFrame = new Promise<number>((resolve) => {
    const observer = new MutationObserver(() => {
      const video = root.querySelector('video');
      if (!video) return;
      observer.disconnect();
      video.requestVideoFrameCallback((now) => resolve(now));
    });
    observer.observe(root, { subtree: true, childList: true });
  });
  const started = performance.now();
  flow.start();
  const shown = await firstFrame;
  flow.remove();
  return { cameraOpenMs: cameraOpen - started, firstFrameMs: shown - started };
}
