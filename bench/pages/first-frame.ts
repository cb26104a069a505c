// Time from `start()` to the first camera frame on screen, with the element from the built bundle.
import { firstFrameOf, mountFlow } from './element.js';

/**
 * One measurement a page load (the runner repeats it): milliseconds from `start()` until
 * `getUserMedia` answered, and until the preview presented its first frame.
 */
export async function run(): Promise<Record<string, number>> {
  // The session is never used: the camera opens before any request.
  const flow = await mountFlow({ apiBase: 'https://ekyc-emulator.invalid', sessionId: 'bench-session' });
  const mediaDevices = navigator.mediaDevices;
  const getUserMedia = mediaDevices.getUserMedia.bind(mediaDevices);
  let cameraOpen = Number.NaN;
  mediaDevices.getUserMedia = async (constraints) => {
    const stream = await getUserMedia(constraints);
    cameraOpen = performance.now();
    return stream;
  };
  const firstFrame = firstFrameOf(flow);
  const started = performance.now();
  flow.start();
  const shown = await firstFrame;
  flow.remove();
  return { cameraOpenMs: cameraOpen - started, firstFrameMs: shown - started };
}
