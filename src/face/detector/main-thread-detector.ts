import type { FaceAssetUrls } from './assets.js';
import type { FaceDetectorHandle } from './handle.js';
import { createLocalFaceDetector } from './tasks-detector.js';
import { warmUp } from './warm-up.js';

/**
 * Runs the detector on the calling thread. Each detection blocks it for one inference, so
 * this is the fallback when a worker cannot be started.
 */
export async function startMainThreadDetector(urls: FaceAssetUrls): Promise<FaceDetectorHandle> {
  const local = await createLocalFaceDetector(urls);
  warmUp(local);
  return {
    thread: 'main',
    detect: (frame, timestampMs = performance.now()) => {
      try {
        return Promise.resolve(local.detect(frame, timestampMs));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    close: () => local.close(),
  };
}
